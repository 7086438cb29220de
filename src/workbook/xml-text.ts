/**
 * A text as the XML document of a custom XML part, and back. The text is stored as a
 * JSON string inside one element, so every character survives (XML 1.0 cannot hold most
 * control characters, and parsers normalise line breaks; JSON escapes both).
 */
const TEXT_NAMESPACE = "urn:ita-workbench:text:1";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export function textToXml(text: string): string {
  const body = JSON.stringify(text).replace(/[&<>]/g, (c) => ESCAPES[c]!);
  return `<?xml version="1.0" encoding="UTF-8"?><text xmlns="${TEXT_NAMESPACE}">${body}</text>`;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return NAMED[e] ?? m;
  });
}

/** The text a part holds, or undefined when it is not one of ours (Excel may re-serialise the XML). */
export function xmlToText(xml: string): string | undefined {
  const m = /<(?:[\w.-]+:)?text\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?text>/.exec(xml);
  if (!m) return undefined;
  try {
    const value: unknown = JSON.parse(unescapeXml(m[1]!));
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
