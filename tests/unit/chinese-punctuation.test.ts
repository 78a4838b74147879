import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { zhCN } from '@renderer/i18n/zh-CN';

/**
 * Chinese text uses full-width ：and ；. An ASCII colon or semicolon is allowed only inside technical text, where
 * both its neighbours are ASCII letters, digits or slashes: times (10:00), addresses (http://127.0.0.1).
 */
const ASCII_MARK = /[:;]/g;
const TECHNICAL_NEIGHBOUR = /[A-Za-z0-9/]/;
/** CJK ideographs and full-width punctuation: an ASCII mark next to these is inside a Chinese sentence. */
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff01-\\uff5e';
const CJK_MARK = new RegExp(`[${CJK}]\\s*[:;]|[:;]\\s*[${CJK}]`);

function misplacedMarks(text: string): boolean {
  for (const match of text.matchAll(ASCII_MARK)) {
    const before = text[match.index - 1] ?? '';
    const after = text[match.index + 1] ?? '';
    if (!TECHNICAL_NEIGHBOUR.test(before) || !TECHNICAL_NEIGHBOUR.test(after)) return true;
  }
  return false;
}

function leaves(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof node === 'string') out.push([path, node]);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) leaves(value, path ? `${path}.${key}` : key, out);
  return out;
}

function sourceFiles(dir: string, extension: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, extension);
    return extension.test(entry.name) ? [path] : [];
  });
}

/** Visits every node of a TypeScript or TSX file. */
function eachNode(path: string, visit: (node: ts.Node, where: string) => void): void {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const walk = (node: ts.Node) => {
    visit(node, `${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    ts.forEachChild(node, walk);
  };
  walk(file);
}

const literalText = (node: ts.Node): string | null =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) ? node.text : null;

describe('Chinese punctuation', () => {
  it('the zh-CN catalogue uses ：and ； (ASCII only in times and addresses)', () => {
    const texts = leaves(zhCN, '', []);
    expect(texts.length).toBeGreaterThan(500); // the whole catalogue, with its parts
    expect(misplacedMarks('请检查: 入会日期')).toBe(true);
    expect(misplacedMarks('{label}:{value}')).toBe(true);
    expect(misplacedMarks('每天 10:00，地址 http://127.0.0.1')).toBe(false);
    expect(texts.filter(([, text]) => misplacedMarks(text))).toEqual([]);
  });

  it('the zh-CN catalogue brackets Chinese text with （）, not ASCII ( )', () => {
    const asciiBrackets = /\([^()]*[\u3400-\u9fff][^()]*\)/;
    expect(asciiBrackets.test('提交申请 (草稿 → 已申请)')).toBe(true);
    expect(asciiBrackets.test('提交申请（草稿 → 已申请）；格式 (YYYY-MM-DD)')).toBe(false);
    expect(leaves(zhCN, '', []).filter(([, text]) => asciiBrackets.test(text))).toEqual([]);
  });

  it('the renderer takes a colon or semicolon between texts from the catalogue, not from JSX', () => {
    const wrong: string[] = [];
    for (const path of sourceFiles('src/renderer/src', /\.tsx$/)) {
      eachNode(path, (node, where) => {
        if (node.kind === ts.SyntaxKind.JsxText && /[:;]/.test(node.getText())) wrong.push(`${where} ${node.getText().trim()}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('Chinese texts of the core, its errors and its PDFs use ：and ；', () => {
    const wrong: string[] = [];
    for (const path of [...sourceFiles('src/main', /\.ts$/), ...sourceFiles('src/shared', /\.ts$/)]) {
      eachNode(path, (node, where) => {
        const text = literalText(node);
        if (text !== null && CJK_MARK.test(text)) wrong.push(`${where} ${text}`);
      });
    }
    expect(wrong).toEqual([]);
  });
});
