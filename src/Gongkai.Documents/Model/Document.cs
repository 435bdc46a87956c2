namespace Gongkai.Documents;

/// <summary>
/// A document as the writers lay it out: a title and blocks (paragraphs and tables), nothing else. What the text says is the
/// caller's business (the answer letters' wording and the law they cite live in the Application layer); this only says where it goes.
/// </summary>
public sealed record Document(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>
    /// An official letter (公文) layout: addressee flush left, body paragraphs indented two characters, then the signature
    /// block (the issuing agency and the date) right-aligned.
    /// </summary>
    public static Document Letter(string title, string addressee, IEnumerable<string> body, params string[] signature) =>
        new(title,
        [
            new Paragraph(addressee),
            .. body.Select(text => new Paragraph(text, FirstLineIndent: true)),
            .. signature.Select(line => new Paragraph(line, Alignment.Right)),
        ]);
}

/// <summary>A paragraph or a table.</summary>
public abstract record Block;

public enum Alignment
{
    /// <summary>Both edges aligned (CJK body text).</summary>
    Justify,
    Left,
    Center,
    Right,
}

/// <summary>One paragraph of plain text. <paramref name="FirstLineIndent"/> is the two-character indent of Chinese body text.</summary>
public sealed record Paragraph(string Text, Alignment Alignment = Alignment.Justify, bool FirstLineIndent = false, bool Bold = false) : Block;
