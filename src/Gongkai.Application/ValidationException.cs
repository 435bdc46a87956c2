namespace Gongkai.Application;

/// <summary>
/// Input refused by a use case. Carries every problem found (field → Chinese message), not just the first,
/// so a form can show them all at once. Nothing has been saved when this is thrown.
/// </summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join("；", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>Collects validation problems and throws them together.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public bool Any => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}

/// <summary>The record does not exist, or the caller may not see it (the two are indistinguishable on purpose).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller is known but not allowed to do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
