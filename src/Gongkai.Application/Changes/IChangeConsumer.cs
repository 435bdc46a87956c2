namespace Gongkai.Application.Changes;

/// <summary>
/// Something that follows the change feed. Register it with
/// <see cref="ChangeFeedServices.AddChangeConsumer{T}"/>; <see cref="ChangeFeedPoller"/> hands it every new record, in
/// order, in batches. A consumer is a singleton; the scope passed in gives it a DbContext if it needs one.
/// </summary>
public interface IChangeConsumer
{
    /// <summary>Stable name; a durable consumer's position is stored under it.</summary>
    string Name { get; }

    /// <summary>
    /// Durable: its position is kept in <c>ChangeFeedPositions</c> and it resumes there after a restart (a new one starts
    /// at the beginning of the feed) — for what outlives the process, such as a search index. Node-local (false): it
    /// starts at the head of the feed on every start-up — for what the process keeps in memory and loses on restart,
    /// such as the output cache.
    /// </summary>
    bool Durable { get; }

    /// <summary>
    /// Handles one batch. Throwing leaves the position where it was: the batch comes again on the next poll. Delivery
    /// is at least once (a crash between handling and saving the position repeats the batch), so handling the same
    /// record twice must do no harm.
    /// </summary>
    Task HandleAsync(IReadOnlyList<ChangeRecord> changes, IServiceProvider scope, CancellationToken ct);
}
