/**
 * Text kept in pieces and encoded through one reused buffer (the report writers' path
 * from strings to file bytes): the bytes are exactly what Buffer.from would give.
 */
import { strict as assert } from "node:assert";
import { TextChunks, Utf8Scratch } from "../../src/report/utf8.js";

describe("report text to bytes", () => {
  it("keeps everything added, in order, across its pieces", () => {
    const t = new TextChunks();
    const added: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const s = `<si><t>ข้อ ${i} การเปิดเผยข้อมูล</t></si>`;
      added.push(s);
      t.add(s);
    }
    const chunks = t.chunks();
    assert.ok(chunks.length > 1, "long text is cut into pieces");
    assert.equal(chunks.join(""), added.join(""));
  });

  it("encodes Thai, emoji and a lone surrogate as Buffer.from does, growing past its first size", () => {
    const scratch = new Utf8Scratch(16);
    const text = ["ผลการประเมิน ", "😀 & <x> ", "\uD800 end", "ก".repeat(5000)];
    assert.deepEqual(scratch.encode(text), Buffer.from(text.join(""), "utf8"));
    assert.deepEqual(
      scratch.encode("สั้น"),
      Buffer.from("สั้น", "utf8"),
      "a later, shorter text is not mixed with the earlier",
    );
  });
});
