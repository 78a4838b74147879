// pdfmake's own QR encoder (js/qrEnc.js), the one behind its `{ qr }` nodes; it ships no types. qr-code.ts uses it to
// get the module matrix once and draw it as a small PNG (see there).
declare module 'pdfmake/js/qrEnc.js' {
  interface QrRect {
    type: 'rect';
    x: number;
    y: number;
    w: number;
    h: number;
    color: string;
  }
  interface QrNode {
    qr: string;
    fit?: number;
    version?: number;
    eccLevel?: 'L' | 'M' | 'Q' | 'H';
    mode?: 'numeric' | 'alphanumeric' | 'octet';
    /** 0–7; the best of eight is searched when left out. */
    mask?: number;
    _canvas?: QrRect[];
    _width?: number;
  }
  const qrEnc: { measure(node: QrNode): QrNode };
  export default qrEnc;
}
