import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  idCheckChar,
  idNumberFromSheetCell,
  maskIdNumber,
  normalizeIdNumber,
  type IdProblem,
} from '@shared/domain/id-number';

// Numbers are made up from docs/domain.md's rules: region + birth date + sequence, and the check character computed
// here independently of the module (GB 11643: weights, sum mod 11 indexes "10X98765432"). No real person's number.
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** The same 17 digits with a check character that is certainly wrong. */
function withWrongCheck(first17: string): string {
  const right = withCheck(first17).slice(-1);
  return first17 + (right === '1' ? '2' : '1');
}

const TODAY = '2026-06-30';

describe('check character (GB 11643)', () => {
  it.each([
    ['44010619900101123', '5'],
    ['11010519491231002', 'X'],
    ['44010619900101104', '0'],
    ['44010619900101100', '8'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
    expect(withCheck(first17)).toBe(first17 + check);
  });

  it('agrees with the independent helper for many numbers', () => {
    for (let seq = 0; seq < 1000; seq += 7) {
      const first17 = `32058219850713${String(seq).padStart(3, '0')}`;
      expect(first17 + idCheckChar(first17)).toBe(withCheck(first17));
    }
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idCheckChar('4401061990010112')).toThrow(RangeError);
    expect(() => idCheckChar('4401061990010112X')).toThrow(RangeError);
  });
});

describe('normalizeIdNumber', () => {
  it.each([
    ['４４０１０６１９９００１０１１２３５', '440106199001011235'],
    [' 440106 19900101 1235 ', '440106199001011235'],
    ['440106\u3000199001011235', '440106199001011235'],
    ['440106\t19900101\n1235', '440106199001011235'],
    ['\uFEFF440106\u200B199001011235', '440106199001011235'],
    ['11010519491231002x', '11010519491231002X'],
    ['11010519491231002ｘ', '11010519491231002X'],
    ['11010519491231002Ｘ', '11010519491231002X'],
    ['11010519491231002Ⅹ', '11010519491231002X'],
    ['', ''],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeIdNumber(raw)).toBe(expected);
  });
});

describe('checkIdNumber: valid numbers', () => {
  it('returns the normalised number, birth date, gender and region', () => {
    expect(checkIdNumber(withCheck('44010619900101123'), TODAY)).toEqual({
      ok: true,
      id: '440106199001011235',
      birthDate: '1990-01-01',
      gender: 'male',
      regionCode: '440106',
      warnings: [],
    });
  });

  it.each([
    ['1', 'male'],
    ['3', 'male'],
    ['5', 'male'],
    ['7', 'male'],
    ['9', 'male'],
    ['0', 'female'],
    ['2', 'female'],
    ['4', 'female'],
    ['6', 'female'],
    ['8', 'female'],
  ])('17th digit %s → %s', (digit, gender) => {
    const result = checkIdNumber(withCheck(`4401061990010112${digit}`), TODAY);
    expect(result).toMatchObject({ ok: true, gender });
  });

  it('accepts lower-case x, full-width characters and spaces, and returns the normalised form', () => {
    const id = withCheck('11010519491231002');
    expect(id).toBe('11010519491231002X');
    for (const raw of ['11010519491231002x', '１１０１０５１９４９１２３１００２ｘ', ' 110105 19491231 002X ']) {
      expect(checkIdNumber(raw, TODAY)).toMatchObject({ ok: true, id, birthDate: '1949-12-31', gender: 'female' });
    }
  });

  it('accepts an ID that ends in 000 when its check character is right', () => {
    expect(withCheck('44010619900101200')).toBe('440106199001012000');
    expect(checkIdNumber('440106199001012000', TODAY)).toMatchObject({ ok: true, id: '440106199001012000' });
  });

  it.each([
    ['2000-02-29', '20000229'],
    ['2024-02-29', '20240229'],
    ['1904-02-29', '19040229'],
    ['1900-01-01', '19000101'],
    [TODAY, TODAY.replaceAll('-', '')],
  ])('birth date %s is real', (birthDate, digits) => {
    expect(checkIdNumber(withCheck(`440106${digits}123`), TODAY)).toMatchObject({ ok: true, birthDate });
  });

  it('accepts Hong Kong, Macao and Taiwan residence-permit numbers (810000, 820000, 830000)', () => {
    for (const region of ['810000', '820000', '830000']) {
      expect(checkIdNumber(withCheck(`${region}19900101123`), TODAY)).toMatchObject({ ok: true, warnings: [] });
    }
  });
});

describe('checkIdNumber: 15-digit numbers (before 1999)', () => {
  it('converts to 18 by inserting 19 and appending the check character', () => {
    expect(checkIdNumber('110105491231002', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
      warnings: ['CONVERTED_FROM_15'],
    });
  });

  it('takes the gender from the last digit and accepts full-width input', () => {
    expect(checkIdNumber('４４０１０６９００１０１１２３', TODAY)).toMatchObject({
      ok: true,
      id: withCheck('44010619900101123'),
      gender: 'male',
      warnings: ['CONVERTED_FROM_15'],
    });
  });

  it('checks the birth date and the province of an old number too', () => {
    expect(checkIdNumber('110105490231002', TODAY)).toEqual({ ok: false, problem: 'BAD_BIRTH_DATE' });
    expect(checkIdNumber('990105491231002', TODAY)).toEqual({ ok: false, problem: 'BAD_REGION_FORMAT' });
  });

  it('carries both warnings when the old region code is unknown', () => {
    expect(checkIdNumber('440199491231002', TODAY)).toMatchObject({
      ok: true,
      warnings: ['CONVERTED_FROM_15', 'UNKNOWN_REGION'],
    });
  });
});

describe('checkIdNumber: region codes (GB/T 2260)', () => {
  it('gives no warning for a current code', () => {
    expect(checkIdNumber(withCheck('44010619900101123'), TODAY)).toMatchObject({ ok: true, warnings: [] });
  });

  it('gives no warning for a retired code that really existed (崇文区 110103, merged in 2010)', () => {
    expect(checkIdNumber(withCheck('11010319850615031'), TODAY)).toMatchObject({
      ok: true,
      regionCode: '110103',
      warnings: [],
    });
  });

  it.each(['440199', '449999', '110199', '659999'])('warns, does not block, on an unknown code in a real province: %s', (region) => {
    expect(checkIdNumber(withCheck(`${region}19900101123`), TODAY)).toMatchObject({
      ok: true,
      regionCode: region,
      warnings: ['UNKNOWN_REGION'],
    });
  });

  it.each(['000000', '100101', '200101', '390101', '470101', '550101', '660101', '720101', '840101', '990101'])(
    'refuses a number whose first two digits are no province: %s',
    (region) => {
      expect(checkIdNumber(withCheck(`${region}19900101123`), TODAY)).toEqual({
        ok: false,
        problem: 'BAD_REGION_FORMAT',
      });
    },
  );
});

describe('checkIdNumber: problems', () => {
  const cases: [string, string, IdProblem][] = [
    ['empty', '', 'EMPTY'],
    ['only spaces', ' \u3000 ', 'EMPTY'],
    ['scientific notation', '4.40106E+17', 'STORED_AS_NUMBER'],
    ['scientific notation, more digits', '4.40106199001011E+17', 'STORED_AS_NUMBER'],
    ['scientific notation, lower case', '4.40106199001011e17', 'STORED_AS_NUMBER'],
    ['last three digits lost', '440106199001011000', 'STORED_AS_NUMBER'],
    ['thousands separators', '440,106,199,001,011,000', 'STORED_AS_NUMBER'],
    ['decimals', '440106199001011000.00', 'STORED_AS_NUMBER'],
    ['17 digits', '44010619900101123', 'BAD_LENGTH'],
    ['16 digits', '4401061990010112', 'BAD_LENGTH'],
    ['19 digits', `${withCheck('44010619900101123')}1`, 'BAD_LENGTH'],
    ['14 digits', '44010690010112', 'BAD_LENGTH'],
    ['a letter other than X', '44010619900101123A', 'BAD_CHARACTERS'],
    ['a name in the ID column', '张三', 'BAD_CHARACTERS'],
    ['dashes', '440106-19900101-1235', 'BAD_CHARACTERS'],
    ['X not at the end', '4401061990X1011235', 'BAD_CHARACTERS'],
    ['X at the end of a 15-digit number', '44010690010112X', 'BAD_CHARACTERS'],
    ['wrong check character', withWrongCheck('44010619900101123'), 'BAD_CHECKSUM'],
    ['X where a digit belongs', '440106199001011234'.slice(0, 17) + 'X', 'BAD_CHECKSUM'],
    ['two digits swapped', '440106199001012135', 'BAD_CHECKSUM'],
    ['month 13', withCheck('44010619901301123'), 'BAD_BIRTH_DATE'],
    ['month 00', withCheck('44010619900001123'), 'BAD_BIRTH_DATE'],
    ['day 00', withCheck('44010619900100123'), 'BAD_BIRTH_DATE'],
    ['30 February', withCheck('44010620000230123'), 'BAD_BIRTH_DATE'],
    ['29 February in a common year', withCheck('44010620230229123'), 'BAD_BIRTH_DATE'],
    ['29 February 1900 (not a leap year)', withCheck('44010619000229123'), 'BAD_BIRTH_DATE'],
    ['31 April', withCheck('44010619900431123'), 'BAD_BIRTH_DATE'],
    ['before 1900', withCheck('44010618991231123'), 'BAD_BIRTH_DATE'],
    ['tomorrow', withCheck('44010620260701123'), 'BAD_BIRTH_DATE'],
    ['far future', withCheck('44010629900101123'), 'BAD_BIRTH_DATE'],
  ];
  it.each(cases)('%s: %j → %s', (_label, raw, problem) => {
    expect(checkIdNumber(raw, TODAY)).toEqual({ ok: false, problem });
  });

  it('names the birth date rather than the check character when the date is impossible', () => {
    // A typo in the date also breaks the check character; the date problem says where to look.
    const typo = `${withCheck('44010619900101123').slice(0, 10)}13${withCheck('44010619900101123').slice(12)}`;
    expect(checkIdNumber(typo, TODAY)).toEqual({ ok: false, problem: 'BAD_BIRTH_DATE' });
  });

  it('compares the birth date with the today it is given, not the clock', () => {
    const id = withCheck('44010620300101123');
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: false, problem: 'BAD_BIRTH_DATE' });
    expect(checkIdNumber(id, '2030-01-01')).toMatchObject({ ok: true, birthDate: '2030-01-01' });
  });

  it('refuses a today that is not YYYY-MM-DD (a programming error)', () => {
    expect(() => checkIdNumber(withCheck('44010619900101123'), '2026-02-30')).toThrow(RangeError);
    expect(() => checkIdNumber(withCheck('44010619900101123'), '')).toThrow(RangeError);
  });
});

describe('idNumberFromSheetCell', () => {
  it.each<[string, unknown]>([
    // Number('…'): a literal this long would itself lose digits (and the linter says so).
    ['a number that lost its last digits', Number('440106199001011000')],
    ['a number that still looks whole', Number('440106199001011235')],
    ['a 17-digit number', Number('44010619900101123')],
    ['a 16-digit number', 4401061990010112],
    ['a bigint', 440106199001011000n],
    ['scientific text', '4.40106E+17'],
    ['scientific text, 15 significant digits', '4.40106199001011E+17'],
    ['scientific text with spaces', ' 4.40106E+17 '],
    ['digits ending in 000 with a bad check character', '440106199001011000'],
    ['digits with thousands separators', '440,106,199,001,011,000'],
    ['not a finite number', Number.POSITIVE_INFINITY],
  ])('%s → STORED_AS_NUMBER', (_label, value) => {
    expect(idNumberFromSheetCell(value)).toEqual({ problem: 'STORED_AS_NUMBER' });
  });

  it.each<[string, unknown, string]>([
    ['a valid ID as text', withCheck('44010619900101123'), withCheck('44010619900101123')],
    ['lower-case x, kept raw for checkIdNumber', '11010519491231002x', '11010519491231002x'],
    ['a valid ID that ends in 000', '440106199001012000', '440106199001012000'],
    ['a 15-digit old ID stored as a number loses nothing', 110105491231002, '110105491231002'],
    ['a short number, which will fail on its length', 12345, '12345'],
    ['an empty cell', null, ''],
    ['a missing cell', undefined, ''],
    ['garbage text', '不详', '不详'],
  ])('%s passes through', (_label, value, raw) => {
    expect(idNumberFromSheetCell(value)).toEqual({ raw });
  });

  it('feeds checkIdNumber: an old ID kept as a number is converted, a short number fails on length', () => {
    const old = idNumberFromSheetCell(110105491231002);
    expect('raw' in old && checkIdNumber(old.raw, TODAY)).toMatchObject({ ok: true, id: '11010519491231002X' });
    const short = idNumberFromSheetCell(12345);
    expect('raw' in short && checkIdNumber(short.raw, TODAY)).toEqual({ ok: false, problem: 'BAD_LENGTH' });
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['44010619900101123X', '440106********123X'],
    ['440106199001011235', '440106********1235'],
    ['11010519491231002x', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    ['12345', '*****'],
    ['', ''],
  ])('%s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it('never shows the birth date', () => {
    expect(maskIdNumber(withCheck('44010619900101123'))).not.toContain('19900101');
  });
});
