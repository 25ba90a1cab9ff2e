import Foundation

/// The reference document pandoc takes report.docx's look from: its styles (Chinese fonts,
/// headings, tables), A4 pages and a page-number footer. Pandoc uses only these parts of a
/// reference; the report's content comes from summary.md through pandoc itself.
enum ReferenceDocument {
    /// Body text font for Chinese (Word on Chinese Windows has it; LibreOffice substitutes a
    /// CJK serif such as Noto Serif CJK through fontconfig), and the heading font.
    static let bodyFont = (latin: "Times New Roman", eastAsia: "SimSun")
    static let headingFont = (latin: "Arial", eastAsia: "SimHei")

    /// The .docx bytes.
    static func docx() -> Data {
        var zip = StoredZip()
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", packageRelationships)
        zip.add("word/document.xml", document)
        zip.add("word/_rels/document.xml.rels", documentRelationships)
        zip.add("word/styles.xml", styles)
        zip.add("word/footer1.xml", footer)
        return zip.bytes()
    }

    private static let xmlHead = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    private static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static let contentTypes = xmlHead + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
    </Types>
    """

    private static let packageRelationships = xmlHead + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    </Relationships>
    """

    private static let documentRelationships = xmlHead + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
    </Relationships>
    """

    /// A4 portrait, 2.3 cm side margins; the title page (titlePg) has no page number.
    private static let document = xmlHead + """
    <w:document xmlns:w="\(w)" xmlns:r="\(r)"><w:body><w:p/>\
    <w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/>\
    <w:pgMar w:top="1418" w:right="1304" w:bottom="1418" w:left="1304" w:header="720" w:footer="720" w:gutter="0"/><w:titlePg/></w:sectPr>\
    </w:body></w:document>
    """

    /// The page number, centred: a PAGE field Word and LibreOffice fill in.
    private static let footer = xmlHead + """
    <w:ftr xmlns:w="\(w)" xmlns:r="\(r)"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
    <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
    <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
    """

    private static func fonts(_ f: (latin: String, eastAsia: String)) -> String {
        #"<w:rFonts w:ascii="\#(f.latin)" w:hAnsi="\#(f.latin)" w:eastAsia="\#(f.eastAsia)" w:cs="\#(f.latin)"/>"#
    }

    /// A paragraph style: id, name, parent, paragraph and run properties.
    private static func paragraph(_ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, custom: Bool = false,
                                  pPr: String = "", rPr: String = "") -> String {
        "<w:style w:type=\"paragraph\"\(custom ? " w:customStyle=\"1\"" : "") w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "")
            + "<w:qFormat/>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + "</w:style>"
    }

    private static func heading(_ level: Int, size: Int) -> String {
        paragraph("Heading\(level)", "heading \(level)", next: "BodyText",
                  pPr: #"<w:keepNext/><w:keepLines/><w:spacing w:before="\#(level == 1 ? 360 : 240)" w:after="120"/><w:outlineLvl w:val="\#(level - 1)"/>"#,
                  rPr: fonts(headingFont) + #"<w:b/><w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/><w:color w:val="1F3864"/>"#)
    }

    private static let border = #"w:val="single" w:sz="4" w:space="0" w:color="808080""#

    private static let styles = xmlHead + """
    <w:styles xmlns:w="\(w)" xmlns:r="\(r)">\
    <w:docDefaults><w:rPrDefault><w:rPr>\(fonts(bodyFont))<w:sz w:val="21"/><w:szCs w:val="21"/>\
    <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
    \(paragraph("BodyText", "Body Text", pPr: #"<w:spacing w:before="60" w:after="120"/>"#))\
    \(paragraph("FirstParagraph", "First Paragraph", basedOn: "BodyText", next: "BodyText", custom: true))\
    \(paragraph("Compact", "Compact", basedOn: "BodyText", custom: true, pPr: #"<w:spacing w:before="0" w:after="40"/>"#))\
    \(paragraph("Title", "Title", next: "BodyText", pPr: #"<w:spacing w:before="3600" w:after="480"/><w:jc w:val="center"/>"#,
                rPr: fonts(headingFont) + #"<w:b/><w:sz w:val="44"/><w:szCs w:val="44"/><w:color w:val="1F3864"/>"#))\
    \(paragraph("Subtitle", "Subtitle", basedOn: "Title", next: "BodyText", pPr: #"<w:spacing w:before="0" w:after="480"/>"#,
                rPr: #"<w:b w:val="0"/><w:sz w:val="30"/><w:szCs w:val="30"/>"#))\
    \(paragraph("Author", "Author", next: "BodyText", custom: true, pPr: #"<w:jc w:val="center"/>"#))\
    \(paragraph("Date", "Date", next: "BodyText", pPr: #"<w:spacing w:before="240" w:after="960"/><w:jc w:val="center"/>"#,
                rPr: #"<w:sz w:val="28"/><w:szCs w:val="28"/>"#))\
    \(paragraph("Abstract", "Abstract", next: "BodyText", custom: true, pPr: #"<w:spacing w:before="120" w:after="120"/><w:ind w:left="567" w:right="567"/>"#,
                rPr: #"<w:sz w:val="18"/><w:szCs w:val="18"/><w:color w:val="404040"/>"#))\
    \(heading(1, size: 32))\(heading(2, size: 28))\(heading(3, size: 24))\
    \(paragraph("BlockText", "Block Text", basedOn: "BodyText", next: "BodyText", pPr: #"<w:ind w:left="567"/>"#))\
    \(paragraph("FootnoteText", "footnote text", custom: true, rPr: #"<w:sz w:val="18"/>"#))\
    \(paragraph("Caption", "caption", pPr: #"<w:spacing w:before="60" w:after="180"/><w:jc w:val="center"/>"#, rPr: #"<w:sz w:val="18"/><w:szCs w:val="18"/>"#))\
    \(paragraph("TableCaption", "Table Caption", basedOn: "Caption", custom: true, pPr: #"<w:keepNext/>"#))\
    \(paragraph("ImageCaption", "Image Caption", basedOn: "Caption", custom: true))\
    \(paragraph("Figure", "Figure", custom: true, pPr: #"<w:jc w:val="center"/>"#))\
    \(paragraph("CaptionedFigure", "Captioned Figure", basedOn: "Figure", custom: true, pPr: #"<w:keepNext/>"#))\
    <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>\
    <w:style w:type="character" w:customStyle="1" w:styleId="BodyTextChar"><w:name w:val="Body Text Char"/><w:basedOn w:val="DefaultParagraphFont"/></w:style>\
    <w:style w:type="character" w:customStyle="1" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/>\
    <w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:eastAsia="SimSun"/><w:sz w:val="19"/></w:rPr></w:style>\
    <w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>\
    <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="2E5E9E"/><w:u w:val="single"/></w:rPr></w:style>\
    <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>\
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>\
    <w:bottom w:w="0" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
    <w:style w:type="table" w:styleId="Table"><w:name w:val="Table"/><w:basedOn w:val="TableNormal"/>\
    <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>\
    <w:tblPr><w:tblBorders><w:top \(border)/><w:bottom \(border)/><w:insideH \(border)/><w:left \(border)/><w:right \(border)/><w:insideV \(border)/></w:tblBorders></w:tblPr>\
    <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E4EBF3"/></w:tcPr></w:tblStylePr></w:style>\
    </w:styles>
    """
}
