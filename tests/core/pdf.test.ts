import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';
import {
  FONT_FILES,
  collectText,
  findMissingGlyphs,
  loadFont,
  missingGlyphs,
  recoveryCodeDocument,
  renderPdf,
  type RecoveryCodeData,
} from '../../src/main/core/pdf';
import { codeLines, formatLocalDateTime } from '../../src/main/core/pdf/documents/recovery-code';
import { sanitizeText } from '../../src/main/core/pdf/sanitize';
import { mapDocument, walkDocument } from '../../src/main/core/pdf/walk';

const fontsDir = resolve('resources/fonts');
const regularFont = join(fontsDir, FONT_FILES.regular);
const boldFont = join(fontsDir, FONT_FILES.bold);
/** U+20BB7 𠮷, a surname character (CJK Extension B) that Noto Serif SC does not have. */
const MISSING = '\u{20BB7}';
/** U+20087 𠂇, one of the 52 Extension B characters it does have. */
const PRESENT_EXT_B = '\u{20087}';
/** A 1×1 PNG, inline. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG_DATA_URL = `data:image/png;base64,${PNG_BASE64}`;

const sample: RecoveryCodeData = {
  orgName: '某某市总工会困难职工帮扶中心',
  regionCode: '110105',
  adminUsername: 'admin.zhang',
  recoveryCode: 'ABCDE-FGH23-JKLMN-PQRST-UVWXY-Z4567',
  createdAt: new Date(2026, 10, 21, 9, 5, 30),
};

let work: string;

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

function pdfToText(pdf: Buffer, name: string): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return run('pdftotext', ['-layout', file, '-']);
}

function expectAppError(error: unknown, code: string): AppError {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(() => {
  if (!existsSync(regularFont) || !existsSync(boldFont)) {
    throw new Error(`PDF fonts missing in ${fontsDir}: run \`node scripts/copy-fonts.mjs\` (npm postinstall)`);
  }
  if (!existsSync('/usr/bin/pdftotext') || !existsSync('/usr/bin/pdftoppm')) {
    throw new Error('pdftotext/pdftoppm missing: apt-get install -y poppler-utils');
  }
  work = mkdtempSync(join(tmpdir(), 'bangfu-pdf-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('recovery code sheet', () => {
  it('prints the code, the organisation and the instructions on one A4 page with the font embedded', async () => {
    const pdf = await renderPdf(recoveryCodeDocument(sample), { fontsDir });
    const file = join(work, 'recovery.pdf');
    writeFileSync(file, pdf);
    const text = run('pdftotext', ['-layout', file, '-']);
    // The code is set with letter spacing, which pdftotext reads as spaces between letters.
    const compact = text.replace(/\s+/g, '');

    for (const line of codeLines(sample.recoveryCode)) expect(compact).toContain(line);
    expect(codeLines(sample.recoveryCode)).toEqual(['ABCDE-FGH23-JKLMN', 'PQRST-UVWXY-Z4567']);
    expect(text).toContain('帮扶工作台 数据库恢复码');
    expect(text).toContain(sample.orgName);
    expect(text).toContain('行政区划代码');
    expect(text).toContain(sample.regionCode);
    expect(text).toContain(sample.adminUsername);
    expect(text).toContain('2026-11-21 09:05');
    expect(compact).toContain('Windows账户或密钥存储丢失');
    expect(compact).toContain('凭本恢复码和数据文件夹即可重新打开加密的数据库');
    expect(compact).toContain('带锁的文件柜，与电脑分开存放');
    expect(compact).toContain('任何人同时持有本恢复码和数据文件夹，即可读取全部帮扶对象家庭的资料');
    expect(compact).toContain('恢复码只显示这一次');
    expect(compact).toContain('丢失后无法找回');
    expect(compact).toContain('保管人签字');
    expect(compact).toMatch(/日\s*期：/);

    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Creator:\s+帮扶工作台/);
    expect(info).toMatch(/Title:\s+帮扶工作台 数据库恢复码/);
    // The code is on paper only, never in the metadata.
    expect(info).not.toContain('ABCDE');

    const fonts = run('pdffonts', [file]);
    expect(fonts).toMatch(/\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+NotoSerifSC-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);

    // For a person to look at (artifacts/ is git-ignored).
    mkdirSync('artifacts/pdf', { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, 'artifacts/pdf/recovery-code']);
    expect(existsSync('artifacts/pdf/recovery-code.png')).toBe(true);
  });

  it('stays on one page with the longest organisation name setup accepts (100 characters)', async () => {
    const orgName = '某某省某某市某某区某某街道总工会困难职工帮扶服务中心暨职工法律援助和心理关爱服务站'.repeat(3).slice(0, 100);
    const file = join(work, 'long.pdf');
    writeFileSync(file, await renderPdf(recoveryCodeDocument({ ...sample, orgName, adminUsername: 'a'.repeat(32) }), { fontsDir }));
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+1\n/);
  });

  it('gives the same bytes for the same data, and leaves the definition reusable', async () => {
    const doc = recoveryCodeDocument(sample);
    const first = await renderPdf(doc, { fontsDir });
    const again = await renderPdf(doc, { fontsDir });
    const fresh = await renderPdf(recoveryCodeDocument(sample), { fontsDir });
    expect(again.equals(first)).toBe(true);
    expect(fresh.equals(first)).toBe(true);
    expect(JSON.stringify(doc)).toBe(JSON.stringify(recoveryCodeDocument(sample)));
  });

  it('is a pure function of its data and names no family', () => {
    const doc = recoveryCodeDocument(sample);
    expect(doc.pageSize).toBe('A4');
    expect(doc.pageOrientation).toBe('portrait');
    expect(doc.info?.creationDate).toEqual(sample.createdAt);
    expect(JSON.stringify(recoveryCodeDocument(sample))).toBe(JSON.stringify(doc));
    expect(formatLocalDateTime(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02 03:04');
  });
});

describe('missing glyphs', () => {
  it('uses a character Noto Serif SC really lacks, and one from Extension B it has', () => {
    for (const path of [regularFont, boldFont]) {
      expect(loadFont(path).hasGlyphForCodePoint(MISSING.codePointAt(0) ?? 0)).toBe(false);
      expect(loadFont(path).hasGlyphForCodePoint(PRESENT_EXT_B.codePointAt(0) ?? 0)).toBe(true);
    }
    expect(loadFont(regularFont)).toBe(loadFont(regularFont));
  });

  it('rejects with MISSING_GLYPHS before pdfmake is called', async () => {
    const createPdf = vi.spyOn(pdfmake, 'createPdf');
    try {
      const error = await renderPdf(recoveryCodeDocument({ ...sample, orgName: `${MISSING}家湾社区工会` }), { fontsDir }).catch(
        (e: unknown) => e,
      );
      expect(expectAppError(error, 'MISSING_GLYPHS').params).toEqual({ chars: [MISSING] });
      expect(createPdf).not.toHaveBeenCalled();
    } finally {
      createPdf.mockRestore();
    }
  });

  it('finds it anywhere in the document and reports each character once', async () => {
    const doc: TDocumentDefinitions = {
      header: `页眉${MISSING}`,
      content: [
        {
          table: {
            body: [
              ['姓名', `${MISSING}祥`],
              ['配偶', { text: [`王${MISSING}`, { text: '\u{2000B}', bold: true }] }],
            ],
          },
        },
      ],
    };
    const error = await renderPdf(doc, { fontsDir }).catch((e: unknown) => e);
    expect(expectAppError(error, 'MISSING_GLYPHS').params).toEqual({ chars: [MISSING, '\u{2000B}'] });
  });

  it('prints an Extension B character the font has', async () => {
    const text = pdfToText(await renderPdf({ content: [`姓名：${PRESENT_EXT_B}明`] }, { fontsDir }), 'ext-b');
    expect(text).toContain(`姓名：${PRESENT_EXT_B}明`);
  });

  it('does not report whitespace or control characters, and prints none of them as a box', async () => {
    const texts = ['甲\u2009乙\u3000丙\r\n丁\u0007戊\uFEFF己\u2028庚\t辛 壬\u00A0癸\uFE00'];
    expect(missingGlyphs(texts, regularFont)).toEqual([]);
    const text = pdfToText(await renderPdf({ content: texts }, { fontsDir }), 'spaces');
    expect(text.replace(/\s+/g, '')).toContain('甲乙丙丁戊己庚辛壬癸');
  });

  it('counts an astral character as one character, not two halves', () => {
    expect(missingGlyphs([`${MISSING}${MISSING}a`], regularFont)).toEqual([MISSING]);
    expect(findMissingGlyphs({ content: [] }, regularFont)).toEqual([]);
  });
});

describe('resource access', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  let pngFile: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests += 1;
      response.setHeader('content-type', 'image/png');
      response.end(Buffer.from(PNG_BASE64, 'base64'));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/logo.png`;
    pngFile = join(work, 'photo.png');
    writeFileSync(pngFile, Buffer.from(PNG_BASE64, 'base64'));
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
  });

  const denied = /denied by resource access policy/;

  it('fetches no URL: an image given as http(s) is refused', async () => {
    await expect(renderPdf({ content: [{ image: url }] }, { fontsDir })).rejects.toThrow(denied);
    await expect(renderPdf({ content: [{ image: 'logo' }], images: { logo: url } }, { fontsDir })).rejects.toThrow(denied);
    await expect(renderPdf({ content: [{ image: 'logo' }], images: { logo: { url, headers: {} } } }, { fontsDir })).rejects.toThrow(denied);
    expect(requests).toBe(0);
  });

  it('reads no local file: an image, attachment or embedded file given as a path is refused', async () => {
    for (const doc of [
      { content: [{ image: '/etc/passwd' }] },
      { content: [{ image: 'p' }], images: { p: '/etc/passwd' } },
      // A real PNG on disk (a family's photo in the inbox, say) is refused just the same.
      { content: [{ image: pngFile }] },
      { content: [{ attachment: 'a' }], attachments: { a: { src: '/etc/passwd' } } },
      { content: ['x'], files: { a: { src: '/etc/passwd' } } },
    ] as TDocumentDefinitions[]) {
      await expect(renderPdf(doc, { fontsDir })).rejects.toThrow(denied);
    }
  });

  it('closes the SVG path: <image href> may only be a data: URL', async () => {
    const svg = (href: string) => `<svg width="20" height="20"><image href="${href}" width="20" height="20"/></svg>`;
    await expect(renderPdf({ content: [{ svg: svg(pngFile) }] }, { fontsDir })).rejects.toThrow(denied);
    await expect(renderPdf({ content: [{ svg: svg('/etc/passwd') }] }, { fontsDir })).rejects.toThrow(denied);
    await expect(renderPdf({ content: [{ svg: svg(url) }] }, { fontsDir })).rejects.toThrow(denied);
    expect(requests).toBe(0);
  });

  it('still embeds inline images, and warns nothing on the console', async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const pdf = await renderPdf(
        {
          content: [
            { image: PNG_DATA_URL, width: 10 },
            { image: 'logo', width: 10 },
            { svg: `<svg width="20" height="20"><image href="${PNG_DATA_URL}" width="20" height="20"/></svg>` },
          ],
          images: { logo: PNG_DATA_URL },
        },
        { fontsDir },
      );
      expect(pdf.includes('/Subtype /Image')).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('text walker', () => {
  it('collects every typeset string of a nested definition, in order', () => {
    const dynamicFooter = (page: number) => `第 ${page} 页`;
    const doc: TDocumentDefinitions = {
      header: { text: '页眉' },
      footer: dynamicFooter,
      watermark: { text: '水印' },
      background: '背景',
      content: [
        '一',
        2,
        { text: ['三', { text: ['四', { text: '五' }] }, 6] },
        { stack: ['七', [['八']]] },
        { columns: [{ text: '九' }, { stack: ['十'] }] },
        { ul: ['甲', { ol: ['乙'], separator: ['（', '）'] }] },
        {
          table: {
            body: [
              [{ text: '丙', rowSpan: 2 }, '丁'],
              [{}, { text: [{ text: '戊' }] }],
            ],
          },
        },
        { toc: { title: { text: '目录' } } },
        { image: 'data:image/png;base64,AAAA', width: 10 },
        { qr: '二维码不是文字' },
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 1, y2: 1 }] },
        { svg: '<svg><text>己</text></svg>' },
        { section: ['庚'], header: '节眉' },
      ],
    };
    expect(collectText(doc)).toEqual([
      '一',
      '2',
      '三',
      '四',
      '五',
      '6',
      '七',
      '八',
      '九',
      '十',
      '甲',
      '乙',
      '（',
      '）',
      '丙',
      '丁',
      '戊',
      '目录',
      '<svg><text>己</text></svg>',
      '庚',
      '节眉',
      '页眉',
      '背景',
      '水印',
    ]);
  });

  it('survives a shared or cyclic node', () => {
    const shared = { text: '共' };
    const cyclic: { stack: unknown[] } = { stack: ['环'] };
    cyclic.stack.push(cyclic);
    const texts: string[] = [];
    walkDocument({ content: [shared, shared, cyclic] as TDocumentDefinitions['content'] }, { text: (t) => texts.push(t) });
    expect(texts).toEqual(['共', '环']);
  });

  it('maps into a deep copy, sharing only functions and binary data', () => {
    const hLineWidth = () => 1;
    const layout = { hLineWidth };
    const original: TDocumentDefinitions = {
      content: [{ table: { body: [['a', { text: 'b' }]] }, layout }, { svg: '<svg/>' }],
      styles: { s: { bold: true } },
    };
    const snapshot = JSON.stringify(original);
    const copy = mapDocument(original, {
      text: (t) => t.toUpperCase(),
      node: (node) => {
        node['seen'] = true;
      },
    });
    expect(JSON.stringify(original)).toBe(snapshot);
    expect(copy.styles).toEqual(original.styles);
    expect(copy.styles).not.toBe(original.styles);
    const [table, svg] = copy.content as unknown as [Record<string, unknown>, Record<string, unknown>];
    expect(table).toMatchObject({ seen: true, table: { body: [['A', { text: 'B', seen: true }]] } });
    expect(table['layout']).not.toBe(layout);
    expect((table['layout'] as typeof layout).hLineWidth).toBe(hLineWidth);
    expect(svg).toEqual({ svg: '<svg/>', seen: true });
  });
});

describe('sanitizeText', () => {
  const font = { hasGlyphForCodePoint: (codePoint: number) => codePoint !== 0x2009 };

  it('turns line separators into \\n, missing spaces into a space, and drops controls', () => {
    expect(sanitizeText('a\r\nb\rc\u2028d\u0085e', font)).toBe('a\nb\nc\nd\ne');
    expect(sanitizeText('a\u2009b\u3000c', font)).toBe('a b\u3000c');
    expect(sanitizeText('\uFEFFa\u0007b\u0000c', font)).toBe('abc');
    expect(sanitizeText('a\tb\nc d', font)).toBe('a\tb\nc d');
  });
});
