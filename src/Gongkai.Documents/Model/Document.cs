namespace Gongkai.Documents;

/// <summary>
/// A document as the writers lay it out: a title and blocks (paragraphs and tables), nothing else. What the text says is the
/// caller's business (the answer letters' wording and the law they cite live in the Application layer); this only says where it goes.
/// </summary>
public sealed record Document(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>The 发文字号 (e.g. 示政公开〔2026〕12号), printed below the title; null for documents that have none.</summary>
    public string? Reference { get; init; }

    /// <summary>
    /// Laid out as an official letter after GB/T 9704《党政机关公文格式》: A4, margins top 37 mm / left 28 mm, serif CJK body,
    /// the title larger and bold, page numbers at the bottom ("— 1 —"). Reports and tables keep the plain layout.
    /// </summary>
    public bool Official { get; init; }

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

    /// <summary>
    /// A numbered letter after GB/T 9704: 发文字号 below the title, the 主送 line, the body (paragraphs indented two
    /// characters, or tables), room for the seal, then the issuing agency and the date right-aligned.
    /// </summary>
    public static Document OfficialLetter(string title, string? reference, string? addressee, IEnumerable<Block> body, string agency, string date) =>
        new(title,
        [
            .. addressee is null ? Array.Empty<Block>() : [new Paragraph(addressee)],
            .. body,
            new SealSpace(),
            new Paragraph(agency, Alignment.Right),
            new Paragraph(date, Alignment.Right),
        ])
        { Reference = reference, Official = true };
}

/// <summary>Blank room above the signature where the seal (印章) is pressed over the agency's name and the date.</summary>
public sealed record SealSpace : Block;

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
