/**
 * The SVG hole in pdfmake's access policies: svg-to-pdfkit opens <image href="..."> with pdfkit's
 * openImage, which reads any local path (fs.readFileSync) without asking pdfmake's local-file policy, and
 * embeds a PNG or JPEG it finds there. Every SVG node therefore gets an image callback that lets data: URLs
 * through and fails the render for anything else, and loses any callback that would load external SVG
 * documents. Called on each copied content node (see mapDocument).
 */
export function guardSvgNode(node: Record<string, unknown>): void {
  if (!('svg' in node)) return;
  const options = typeof node['options'] === 'object' && node['options'] !== null ? node['options'] : {};
  node['options'] = { ...options, imageCallback: dataUrlsOnly, documentCallback: undefined };
}

function dataUrlsOnly(link: string): string {
  const compact = link.replace(/\s+/g, '');
  if (/^data:image\/(png|jpeg);base64,/i.test(compact)) return compact;
  throw new Error('Access to an SVG image denied by resource access policy: only data: URLs are allowed');
}
