/**
 * Agencies' report file names: within 200 bytes of UTF-8, cut between visible
 * characters, accepted by Windows, and one per agency.
 */
import { strict as assert } from "node:assert";
import { NameAllocator } from "../../src/cli/file-name.js";

/** The limit: a name within 200 bytes of UTF-8 leaves room for the extension and a "(n)". */
const MAX_NAME_BYTES = 200;
/** The file name the first agency of a run gets. */
const safeFileName = (name: string): string => new NameAllocator().next(name);

const bytes = (s: string): number => Buffer.byteLength(s, "utf8");
const graphemes = (s: string): string[] =>
  [...new Intl.Segmenter("th", { granularity: "grapheme" }).segment(s)].map((g) => g.segment);

/** A real agency's name: 87 characters, 251 bytes of UTF-8, over the limit once ".xlsx" is added. */
const LONG_NAME = "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน) กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ ภาคใต้";

describe("report file names", () => {
  it("cuts the 87-character Thai agency name to at most 200 bytes, at the start of the name", () => {
    const name = safeFileName(LONG_NAME);
    assert.ok(bytes(name) <= MAX_NAME_BYTES, `${bytes(name)} bytes`);
    assert.ok(LONG_NAME.startsWith(name));
    assert.ok(name.length > 60, "as much of the name as fits is kept");
  });

  it("never separates a Thai vowel or tone mark from its consonant", () => {
    // 300 characters: consonant + upper vowel + tone mark (9 bytes), the worst case for a cut by
    // units; 0 to 8 letters before them move the 200-byte limit across every byte of a grapheme.
    for (let k = 0; k <= 8; k++) {
      const cut = safeFileName(`${"a".repeat(k)}${"กิ่".repeat(100)}`);
      assert.ok(bytes(cut) <= MAX_NAME_BYTES);
      assert.equal((cut.length - k) % 3, 0, `after ${k} letters the cut keeps whole graphemes`);
      assert.deepEqual(graphemes(cut).at(-1), "กิ่");
    }
  });

  it("keeps a 300-character Thai name within the limit", () => {
    const name = "องค์การบริหารส่วนตำบล".repeat(14).slice(0, 300);
    const cut = safeFileName(name);
    assert.ok(bytes(cut) <= MAX_NAME_BYTES);
    assert.ok(name.startsWith(cut));
  });

  it("never splits an emoji into half a surrogate pair", () => {
    const name = `${"ก".repeat(66)}🏛️🏛️`; // 198 bytes of Thai, then a 7-byte emoji sequence
    const cut = safeFileName(name);
    assert.doesNotMatch(cut, /[\uD800-\uDFFF](?![\uDC00-\uDFFF])/);
    assert.equal(cut, "ก".repeat(66));
    const toned = safeFileName(`${"ก".repeat(65)}ab👍🏽`); // 197 bytes, then an 8-byte skin-toned emoji
    assert.equal(toned, `${"ก".repeat(65)}ab`, "a skin-toned emoji is one character");
  });

  it("keeps an emoji at the end of a short name whole", () => {
    assert.equal(safeFileName("อบต.ดอกไม้ 🌸"), "อบต.ดอกไม้ 🌸");
  });

  for (const reserved of ["CON", "nul", "COM1", "LPT9", "con.txt", "Aux"]) {
    it(`does not give the Windows device name ${reserved} to a file`, () => {
      assert.notEqual(safeFileName(reserved).toLowerCase(), reserved.toLowerCase());
      assert.equal(safeFileName(reserved), `${reserved}_`);
    });
  }

  it("drops trailing dots and spaces, which Windows removes", () => {
    assert.equal(safeFileName("อบต.ก. "), "อบต.ก");
    assert.equal(safeFileName("..hidden"), "_hidden");
  });

  it("replaces characters no file system accepts", () => {
    assert.equal(safeFileName('อบต. ก/ข: "ค" <ง>?'), "อบต. ก_ข_ _ค_ _ง__");
    assert.equal(safeFileName("a\u0000b\u001bc"), "a_b_c");
  });

  it("gives two names that are the same once cut distinct names, still within the limit", () => {
    const names = new NameAllocator(["summary"]);
    const first = names.next(`${LONG_NAME} ภาคใต้ตอนบน`);
    const second = names.next(`${LONG_NAME} ภาคใต้ตอนล่าง`);
    assert.notEqual(first, second);
    assert.match(second, / \(2\)$/);
    assert.ok(bytes(second) <= MAX_NAME_BYTES);
  });

  it("treats names differing only in case as one, as Windows and macOS do, and never hands out a reserved one", () => {
    const names = new NameAllocator(["summary"]);
    assert.equal(names.next("Summary"), "Summary (2)");
    assert.equal(names.next("abc"), "abc");
    assert.equal(names.next("ABC"), "ABC (2)");
  });
});
