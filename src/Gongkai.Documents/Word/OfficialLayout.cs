using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents;

/// <summary>
/// The GB/T 9704-2012 page of an official letter in Word: A4, 天头 37 mm, 订口 28 mm (版心 156 × 225 mm), title in 二号
/// 小标宋 (Word falls back to a Song face where 方正小标宋 is missing), page numbers "— 1 —" in 四号 below the 版心,
/// odd pages right and even pages left (7.5 页码).
/// </summary>
internal static class OfficialLayout
{
    public const int TitleSize = 44;
    public const string TitleFont = "方正小标宋简体";

    // Twentieths of a point: 1 mm = 56.7 twips.
    private const int Top = 2098;
    private const int Bottom = 1984;
    private const int Left = 1588;
    private const int Right = 1474;
    private const int PageNumberSize = 28;

    /// <summary>Three empty body lines: room for the seal pressed over the agency's name and the date.</summary>
    public static W.Paragraph SealSpace() =>
        new(new W.ParagraphProperties(new W.SpacingBetweenLines { Before = "960", After = "0" }));

    public static W.SectionProperties Section(MainDocumentPart main)
    {
        var odd = Footer(main, W.JustificationValues.Right);
        var even = Footer(main, W.JustificationValues.Left);
        main.AddNewPart<DocumentSettingsPart>().Settings = new W.Settings(new W.EvenAndOddHeaders());
        return new W.SectionProperties(
            new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
            new W.FooterReference { Type = W.HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
            new W.PageSize { Width = 11906, Height = 16838 },
            new W.PageMargin { Top = Top, Bottom = Bottom, Left = Left, Right = (UInt32Value)(uint)Right, Header = 851, Footer = 1134 });
    }

    private static FooterPart Footer(MainDocumentPart main, W.JustificationValues side)
    {
        var part = main.AddNewPart<FooterPart>();
        var paragraph = new W.Paragraph(
            new W.ParagraphProperties(new W.Justification { Val = side },
                new W.Indentation { LeftChars = side == W.JustificationValues.Left ? 100 : 0, RightChars = side == W.JustificationValues.Right ? 100 : 0 }),
            WordWriter.Run("— ", PageNumberSize, false, "宋体"),
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
            new W.Run(new W.FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
            WordWriter.Run("1", PageNumberSize, false, "宋体"),
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End }),
            WordWriter.Run(" —", PageNumberSize, false, "宋体"));
        part.Footer = new W.Footer(paragraph);
        part.Footer.Save();
        return part;
    }
}
