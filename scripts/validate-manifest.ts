/**
 * Offline check of manifest.xml (the online `office-addin-manifest validate` needs
 * Microsoft's service). Checks what the add-in relies on: element order, resids,
 * the shared runtime on one URL, Id/Version formats, https, string lengths, th-TH
 * overrides, and that every local file the manifest names was emitted by the build.
 *
 *   tsx scripts/validate-manifest.ts [manifest.xml] [--dist dist | --no-dist]
 *   tsx scripts/validate-manifest.ts [manifest.xml] --production https://host/path/ [--dist dir]
 *
 * With --production, the manifest is checked as `npm run build:prod` rewrites it for
 * that URL (scripts/deploy.mjs): the same checks, no localhost left, every URL under
 * the hosting URL; files are checked only when --dist names a production build.
 *
 * Exit 1 with one line per problem. Parsing uses xml2js (a dependency of office-addin-manifest).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { LOCAL_ORIGIN, productionManifest, productionUrl } from "./deploy.mjs";

/** xml2js ships no types; this is the one call used. */
const xml2js = createRequire(import.meta.url)("xml2js") as {
  parseStringPromise(xml: string, options: Record<string, unknown>): Promise<unknown>;
};

interface El {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly El[];
}

export { LOCAL_ORIGIN };
export const LOCALES = ["th-TH"] as const;
export const LIMITS = { ShortString: 125, LongString: 250, DisplayName: 125, Description: 250, Url: 2048 } as const;

/** Documented child order (learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering). */
const ORDER: Record<string, readonly string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "AllowSnapshot",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "EquivalentAddins",
    "VersionOverrides",
    "WebApplicationInfo",
  ],
  "VersionOverrides/Hosts/Host": ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  "ExtensionPoint[CustomFunctions]": ["Script", "Page", "Metadata", "Namespace"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
  Group: ["Label", "Icon", "Control"],
  "Control[Button]": ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  "Action[ShowTaskpane]": ["TaskpaneId", "SourceLocation", "Title", "SupportsPinning"],
};

function toEl(node: Record<string, unknown>): El {
  const attrs = (node.$ ?? {}) as Record<string, string>;
  const kids = (node.$$ ?? []) as Record<string, unknown>[];
  return {
    name: String(node["#name"]),
    attrs,
    text: typeof node._ === "string" ? node._.trim() : "",
    children: kids.map(toEl),
  };
}

export async function parseManifest(xml: string): Promise<El> {
  const doc = (await xml2js.parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: false,
  })) as Record<string, unknown>;
  return toEl({ ...doc, "#name": "OfficeApp" });
}

function* walk(el: El, path: string[] = []): Generator<{ el: El; path: string[] }> {
  const here = [...path, el.name];
  yield { el, path: here };
  for (const c of el.children) yield* walk(c, here);
}

const child = (el: El | undefined, name: string): El | undefined => el?.children.find((c) => c.name === name);
const xsiType = (el: El): string => el.attrs["xsi:type"] ?? "";

function orderKey(el: El, path: string[]): string | undefined {
  if (el.name === "VersionOverrides" && path.length === 2) return "VersionOverrides";
  if (el.name === "Host" && path.at(-2) === "Hosts" && path.includes("VersionOverrides"))
    return "VersionOverrides/Hosts/Host";
  if (el.name === "ExtensionPoint" && xsiType(el) === "CustomFunctions") return "ExtensionPoint[CustomFunctions]";
  if (el.name === "Control" && xsiType(el) === "Button") return "Control[Button]";
  if (el.name === "Action" && xsiType(el) === "ShowTaskpane") return "Action[ShowTaskpane]";
  if (path.length === 1) return "OfficeApp";
  return ORDER[el.name] && el.name !== "VersionOverrides" && el.name !== "Description" ? el.name : undefined;
}

/** Problems found in the manifest text; `distDir` null skips the emitted-files check. */
export async function validateManifest(
  xml: string,
  options: { distDir: string | null; origin?: string },
): Promise<string[]> {
  const origin = options.origin ?? LOCAL_ORIGIN;
  const problems: string[] = [];
  let root: El;
  try {
    root = await parseManifest(xml);
  } catch (e) {
    return [`XML: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`];
  }

  // 1. Element order.
  for (const { el, path } of walk(root)) {
    const key = orderKey(el, path);
    const order = key ? ORDER[key] : undefined;
    if (!order) continue;
    let last = -1;
    for (const c of el.children) {
      const i = order.indexOf(c.name);
      if (i < 0) {
        problems.push(`order: <${c.name}> is not expected inside <${path.join("/")}>`);
        continue;
      }
      if (i < last) problems.push(`order: <${c.name}> must come before <${order[last]}> inside <${path.join("/")}>`);
      last = Math.max(last, i);
    }
  }

  // Resources.
  const vo = child(root, "VersionOverrides");
  const resources = child(vo, "Resources");
  const kinds = {
    "bt:Images": "image",
    "bt:Urls": "url",
    "bt:ShortStrings": "short",
    "bt:LongStrings": "long",
  } as const;
  const res = new Map<string, { kind: string; el: El }>();
  for (const group of resources?.children ?? []) {
    const kind = kinds[group.name as keyof typeof kinds];
    for (const r of group.children) {
      const id = r.attrs.id ?? "";
      if (res.has(id)) problems.push(`resid: "${id}" is defined twice`);
      res.set(id, { kind, el: r });
    }
  }

  // 2. Every resid defined, of the right kind.
  const expected = (el: El): string | undefined => {
    if (el.name === "bt:Image") return "image";
    if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(el.name)) return "url";
    if (el.name === "Description") return "long";
    if (["Label", "Title", "Namespace"].includes(el.name)) return "short";
    return undefined;
  };
  for (const { el } of walk(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const r = res.get(resid);
    if (!r) {
      problems.push(`resid: "${resid}" (on <${el.name}>) is not defined in <Resources>`);
      continue;
    }
    const want = expected(el);
    if (want && r.kind !== want)
      problems.push(`resid: "${resid}" on <${el.name}> must be a ${want} resource, is ${r.kind}`);
  }
  const url = (resid: string | undefined): string | undefined =>
    resid ? res.get(resid)?.el.attrs.DefaultValue : undefined;

  // 3. Shared runtime: SharedRuntime 1.1, one long-lived runtime, everything on its URL.
  const sets = child(child(root, "Requirements"), "Sets")?.children ?? [];
  if (!sets.some((s) => s.attrs.Name === "SharedRuntime" && s.attrs.MinVersion === "1.1")) {
    problems.push(`runtime: <Requirements> must ask for <Set Name="SharedRuntime" MinVersion="1.1"/>`);
  }
  const host = child(child(vo, "Hosts"), "Host");
  const runtimes = child(host, "Runtimes")?.children ?? [];
  const runtime = runtimes[0];
  if (runtimes.length !== 1 || !runtime) problems.push("runtime: exactly one <Runtime> is expected");
  else if (runtime.attrs.lifetime !== "long")
    problems.push(`runtime: <Runtime lifetime="long"> is required for a shared runtime`);
  const runtimeUrl = url(runtime?.attrs.resid);
  const cf = child(host, "AllFormFactors")?.children.find((e) => xsiType(e) === "CustomFunctions");
  const dff = child(host, "DesktopFormFactor");
  const places: [string, string | undefined][] = [
    ["custom functions <Page>", url(child(child(cf, "Page"), "SourceLocation")?.attrs.resid)],
    ["<FunctionFile>", url(child(dff, "FunctionFile")?.attrs.resid)],
    ["<DefaultSettings><SourceLocation>", child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue],
  ];
  for (const { el } of walk(host ?? root)) {
    if (el.name === "Action" && xsiType(el) === "ShowTaskpane") {
      places.push(["ShowTaskpane <SourceLocation>", url(child(el, "SourceLocation")?.attrs.resid)]);
      if (child(el, "TaskpaneId"))
        problems.push("runtime: a ShowTaskpane action must not have a <TaskpaneId> with a shared runtime");
    }
  }
  for (const [what, u] of places) {
    if (!runtimeUrl || u !== runtimeUrl)
      problems.push(`runtime: ${what} is ${u ?? "missing"}, not the runtime URL ${runtimeUrl ?? "?"}`);
  }
  if (!cf) problems.push('functions: no <ExtensionPoint xsi:type="CustomFunctions">');
  else if (res.get(child(cf, "Namespace")?.attrs.resid ?? "")?.el.attrs.DefaultValue !== "ITA") {
    problems.push(`functions: the namespace must be "ITA"`);
  }

  // 4. Id and Version.
  const id = child(root, "Id")?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`id: "${id}" is not a GUID`);
  const version = child(root, "Version")?.text ?? "";
  if (!/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){3}$/.test(version)) problems.push(`version: "${version}" is not n.n.n.n`);
  if (child(root, "Permissions")?.text !== "ReadWriteDocument")
    problems.push("permissions: expected ReadWriteDocument");

  // 5. URLs: https, length.
  const urls: { where: string; value: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const v = child(root, name)?.attrs.DefaultValue;
    if (v !== undefined) urls.push({ where: `<${name}>`, value: v });
  }
  const ds = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue;
  if (ds !== undefined) urls.push({ where: "<DefaultSettings><SourceLocation>", value: ds });
  for (const [rid, r] of res) {
    if (r.kind !== "url" && r.kind !== "image") continue;
    urls.push({ where: `"${rid}"`, value: r.el.attrs.DefaultValue ?? "" });
    for (const o of r.el.children) urls.push({ where: `"${rid}" ${o.attrs.Locale}`, value: o.attrs.Value ?? "" });
  }
  for (const u of urls) {
    if (!u.value.startsWith("https://")) problems.push(`https: ${u.where} is not an https URL: ${u.value}`);
    if (u.value.length > LIMITS.Url) problems.push(`length: ${u.where} is longer than ${LIMITS.Url}`);
  }

  // 6. String lengths and 7. th-TH overrides.
  const texts: { where: string; el: El; limit: number }[] = [
    { where: "<DisplayName>", el: child(root, "DisplayName")!, limit: LIMITS.DisplayName },
    { where: "<Description>", el: child(root, "Description")!, limit: LIMITS.Description },
  ].filter((t) => t.el);
  for (const [rid, r] of res) {
    if (r.kind === "short") texts.push({ where: `"${rid}"`, el: r.el, limit: LIMITS.ShortString });
    if (r.kind === "long") texts.push({ where: `"${rid}"`, el: r.el, limit: LIMITS.LongString });
  }
  for (const t of texts) {
    const values = [
      { locale: "default", v: t.el.attrs.DefaultValue ?? "" },
      ...t.el.children.map((o) => ({ locale: o.attrs.Locale ?? "?", v: o.attrs.Value ?? "" })),
    ];
    for (const { locale, v } of values) {
      if ([...v].length > t.limit)
        problems.push(`length: ${t.where} (${locale}) has ${[...v].length} characters; at most ${t.limit}`);
      if (!v.trim()) problems.push(`text: ${t.where} (${locale}) is empty`);
    }
  }
  const needsThai = [...texts.map((t) => ({ where: t.where, el: t.el }))];
  const meta = child(child(cf, "Metadata"), "SourceLocation")?.attrs.resid;
  const metaRes = meta ? res.get(meta) : undefined;
  if (metaRes) needsThai.push({ where: `"${meta}"`, el: metaRes.el });
  for (const { where, el } of needsThai) {
    for (const locale of LOCALES) {
      if (!el.children.some((o) => /Override$/.test(o.name) && o.attrs.Locale === locale)) {
        problems.push(`locale: ${where} has no ${locale} <Override>`);
      }
    }
  }

  // 8. Every local file named is emitted by the build.
  if (options.distDir !== null) {
    if (!existsSync(options.distDir))
      problems.push(`dist: ${options.distDir}/ does not exist; run \`npm run build\` first`);
    else {
      for (const u of new Set(urls.map((x) => x.value))) {
        if (!u.startsWith(origin)) continue;
        const file = u.slice(origin.length).split(/[?#]/)[0]!;
        if (!existsSync(join(options.distDir, file))) problems.push(`dist: ${file} (${u}) is not emitted by the build`);
      }
    }
  }

  // 9. A production manifest: nothing left on this machine, every URL where dist/ is hosted.
  if (origin !== LOCAL_ORIGIN) {
    const local = /https?:\/\/(localhost|127\.0\.0\.1)[^"<\s]*/i.exec(xml);
    if (local) problems.push(`production: the manifest still points at ${local[0]}`);
    for (const u of urls) {
      if (!u.value.startsWith(origin)) problems.push(`production: ${u.where} is not under ${origin}: ${u.value}`);
    }
  }
  return problems;
}

/** manifest.xml as `npm run build:prod` writes it for `url`, or the reason it cannot be. */
export function productionXml(xml: string, url: string): { xml: string; origin: string } | { problem: string } {
  try {
    const origin = productionUrl(url);
    return { xml: productionManifest(xml, origin), origin };
  } catch (e) {
    return { problem: `production: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function main(argv: string[]): Promise<number> {
  const file =
    argv.find((a, i) => !a.startsWith("--") && !/^--(dist|production)$/.test(argv[i - 1] ?? "")) ?? "manifest.xml";
  const distAt = argv.indexOf("--dist");
  const prodAt = argv.indexOf("--production");
  const url = prodAt >= 0 ? (argv[prodAt + 1] ?? "") : undefined;
  const distDir = argv.includes("--no-dist")
    ? null
    : distAt >= 0
      ? argv[distAt + 1]!
      : url === undefined
        ? "dist"
        : null;
  let xml = readFileSync(file, "utf8");
  let origin: string | undefined;
  if (url !== undefined) {
    const prod = productionXml(xml, url);
    if ("problem" in prod) {
      console.error(`${file}: ${prod.problem}`);
      return 1;
    }
    ({ xml, origin } = prod);
  }
  const label = origin ? `${file} for ${origin}` : file;
  const problems = await validateManifest(xml, { distDir, origin });
  for (const p of problems) console.error(`${label}: ${p}`);
  if (problems.length === 0)
    console.log(`${label}: ok (offline checks${distDir === null ? ", files not checked" : `, files in ${distDir}/`})`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
