/**
 * The HTML page's text safety and content: whatever an agency name or a rules file
 * contains is shown as text, never as markup, and the page needs nothing outside itself.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { bundledText, evaluateRows, loadRulesText } from "../../src/engine/index.js";
import { renderHtml, renderSummaryHtml } from "../../src/report/html.js";
import { buildReport, type Agency, type ReportModel } from "../../src/report/model.js";
import { seedRows } from "../support/seed.js";

function seedReport(agency: Agency, rulesText = bundledText("2568")!): ReportModel {
  const l = loadRulesText(rulesText);
  if (!l.ok) throw new Error("rules do not load");
  const o = evaluateRows(l.compiled, seedRows());
  if (!o.ok) throw new Error("seed does not evaluate");
  return buildReport(o.evaluation, l.compiled.model, agency);
}

const HOSTILE = `<script>alert("x")</script> & 'เทศบาล' <img src=x onerror=alert(1)>`;

describe("HTML report", () => {
  it("escapes &, <, >, and both quotes in the page's title, and no text breaks out of a tag or an attribute", () => {
    const html = renderHtml(seedReport({ name: `<a href="x">'&'</a>`, district: HOSTILE, province: `"><b>` }));
    assert.match(html, /<title>[^<]*&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;\/a&gt;<\/title>/);
    // Every tag the page holds is one the renderer made: a name, then name="value" pairs with nothing unescaped.
    const tags = html.replace(/^<!DOCTYPE html>/, "").match(/<[^>]*>/g)!;
    const made = /^<\/?[a-z][\w-]*(?:\s[\w:-]+(?:="[^"<>&]*(?:&(?:amp|lt|gt|quot|#39);[^"<>&]*)*")?)*\s*\/?>$/;
    assert.deepEqual(
      tags.filter((t) => !made.test(t)),
      [],
    );
    assert.ok(!tags.some((t) => /^<\/?(?:a|b|script|img)[\s>]/.test(t)), "no tag from the agency's texts");
  });

  it("shows markup in the agency name as text", () => {
    const html = renderHtml(seedReport({ name: HOSTILE, district: "<b>d</b>", province: "p&q" }));
    assert.ok(!html.includes("<script>alert"));
    assert.ok(!html.includes("<img src=x"));
    assert.ok(html.includes("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;เทศบาล&#39;"));
    assert.ok(html.includes("อำเภอ&lt;b&gt;d&lt;/b&gt; จังหวัดp&amp;q"));
  });

  it("shows markup in the rules' guidance and plan texts as text", () => {
    const text = bundledText("2568")!
      .replace('measure "การพัฒนาระบบการป้องกันการทุจริตในหน่วยงาน"', 'measure "<u>มาตรการ</u> & \\"อื่น ๆ\\""')
      .replace(/(question i1 [^\n]*\n\s*maintain ")/, "$1<em>เน้น</em> ");
    const html = renderHtml(seedReport({ name: "เทศบาลตำบลคลองพน" }, text));
    assert.ok(!html.includes("<u>") && !html.includes("<em>"));
    assert.ok(html.includes("&lt;u&gt;มาตรการ&lt;/u&gt; &amp; &quot;อื่น ๆ&quot;"));
    assert.ok(html.includes("&lt;em&gt;เน้น&lt;/em&gt;"));
  });

  it("references no outside resource and carries no script", () => {
    const html = renderHtml(seedReport({ name: "เทศบาลตำบลคลองพน" }));
    assert.ok(!/<script|<link|src=|url\(|@import/i.test(html));
    assert.ok(!/https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(html));
  });

  it("prints every question's guidance under its indicator with the variant marked", () => {
    const html = renderHtml(seedReport({ name: "เทศบาลตำบลคลองพน" }));
    assert.match(html, /<tr data-question="i1" data-tool="IIT" data-variant="maintain">/);
    assert.match(html, /<tr data-question="o21" data-tool="OIT" data-variant="raise">/);
  });

  it("renders the seed report byte for byte as before the renderer was made faster", () => {
    // test/fixtures/report/seed-2568.html was written by the renderer before h() and the page
    // builder were reworked for speed: a published page must not change with the tool's speed.
    const html = renderHtml(seedReport({ name: "เทศบาลตำบลคลองพน", district: "<ท่าใหม่>", province: "จันทบุรี & co" }));
    assert.equal(html, readFileSync("test/fixtures/report/seed-2568.html", "utf8"));
  });

  it("orders the summary by total, highest first", () => {
    const a = seedReport({ name: "ก" });
    const b = { ...a, agency: { name: "ข" }, summary: { ...a.summary, total: 99, totalText: "99.00" } };
    const html = renderSummaryHtml([a, b]);
    assert.ok(html.indexOf(">ข<") < html.indexOf(">ก<"));
  });
});
