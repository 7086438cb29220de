/**
 * Which exports of a source tree no other module of that tree uses: the TypeScript
 * checker resolves every identifier of every file (imports, namespace members, names
 * destructured from a dynamic import()) through its chain of aliases, so a re-export
 * through a door counts only when something imports it through that door. A use in the
 * export's own file, or in a re-export (`export { x } from`), is not a use.
 */
import { dirname, relative } from "node:path";
import ts from "typescript";

/**
 * "folder/file.ts: name" (relative to `root`, sorted) for each value export (function,
 * class, constant; types are left out) of `files` that no other file of `files` or
 * `users` uses. `users` (build scripts) count as callers; their own exports are not listed.
 */
export function unusedExports(root: string, files: readonly string[], users: readonly string[] = []): string[] {
  const config = ts.readConfigFile("tsconfig.json", (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(
    config.config,
    ts.sys,
    dirname(ts.sys.resolvePath("tsconfig.json")),
  );
  const program = ts.createProgram([...files, ...users], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const sources = files.map((f) => program.getSourceFile(f)!);
  const all = [...sources, ...users.map((f) => program.getSourceFile(f)!)];
  /** For each symbol, the files (other than re-exports) that reach it. */
  const usedBy = new Map<ts.Symbol, Set<ts.SourceFile>>();
  const use = (symbol: ts.Symbol | undefined, from: ts.SourceFile): void => {
    const seen = new Set<ts.Symbol>();
    for (let s = symbol; s && !seen.has(s);) {
      seen.add(s);
      let files = usedBy.get(s);
      if (!files) usedBy.set(s, (files = new Set()));
      files.add(from);
      s = s.flags & ts.SymbolFlags.Alias ? checker.getImmediateAliasedSymbol(s) : undefined;
    }
  };
  for (const file of all) {
    const visit = (node: ts.Node): void => {
      if (ts.isExportSpecifier(node)) return; // a re-export is no use; its own users reach through it
      if (ts.isIdentifier(node)) {
        const parent = node.parent;
        if (ts.isBindingElement(parent) && !parent.propertyName && ts.isObjectBindingPattern(parent.parent)) {
          // const { name } = await import("./m.js"): the member of the module's type, not the new local.
          const type = checker.getTypeAtLocation(parent.parent);
          use(checker.getPropertyOfType(type, node.text), file);
        } else use(checker.getSymbolAtLocation(node), file);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(file, visit);
  }
  const unused: string[] = [];
  for (const file of sources) {
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue; // no exports
    for (const e of checker.getExportsOfModule(moduleSymbol)) {
      const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      if (!(target.flags & ts.SymbolFlags.Value)) continue; // interfaces and type aliases
      const users = [...(usedBy.get(e) ?? [])].filter((f) => f !== file);
      if (users.length === 0) unused.push(`${relative(root, file.fileName)}: ${e.name}`);
    }
  }
  return unused.sort();
}
