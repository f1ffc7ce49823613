/**
 * What pdfkit 0.20 accepts and @types/pdfkit 0.17 does not describe yet: the PDF/UA subset, a
 * document without a default font (so the standard Helvetica is never loaded: every glyph comes
 * from an embedded font, as PDF/UA requires) and the Layout attributes of a structure element.
 */
declare namespace PDFKit {
  interface PDFDocument {
    // @types/pdfkit declares the constructor in this interface: this adds an overload to it.
    // eslint-disable-next-line @typescript-eslint/no-misused-new
    new (
      options?: Omit<PDFDocumentOptions, "subset" | "font"> & {
        subset?: Mixins.PDFSubsets | "PDF/UA";
        font?: string | null;
      },
    ): PDFDocument;
  }
}

declare namespace PDFKit.Mixins {
  interface StructureElementOptions {
    /** The element's box, [left, top, right, bottom] in the page's top-down coordinates. */
    bbox?: [number, number, number, number];
    placement?: "Block" | "Inline";
  }
}
