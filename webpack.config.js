/**
 * Build of the Excel add-in (shared runtime): ONE page, taskpane.html, hosts the
 * custom functions and the task pane. `runtimeChunk: "single"` gives both entries
 * one webpack runtime, so a module (e.g. the workbook-rules registry) is
 * instantiated once and its state is shared. Nothing but Office.js comes from a CDN.
 *
 * Emits: taskpane.html, runtime.js, common.js (engine, rules, registry — shared by
 * the entries), taskpane.js, functions.js, editor.js (the rules editor, loaded on
 * first use), preview.html + preview.js/.css + preview/scores.csv (`npm run preview`), functions.json
 * (from the JSDoc, by CustomFunctionsMetadataPlugin), functions-th.json (Thai help
 * from src/functions/functions.th.json), assets/*.png, manifest.xml.
 *
 * Certificates (office-addin-dev-certs) are only asked for under `webpack serve`.
 *
 * Two builds. `npm run build` (development and tests: the browser tests and
 * `npm run preview` need the preview page and the sample data) keeps the manifest on
 * https://localhost:3000/. `npm run build:prod -- --env url=https://host/path/` (or
 * ITA_ADDIN_URL) is what an organisation hosts: the URL must be https:// and not
 * this machine, the manifest is moved to it (scripts/deploy.mjs) and refused if it
 * still names localhost, and dist/ holds no preview page, sample data or source maps.
 */
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import { productionManifest, productionUrl } from "./scripts/deploy.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const THAI_SOURCE = path.join(here, "src/functions/functions.th.json");

/**
 * functions.json + Thai texts → functions-th.json (same ids, names and types;
 * Thai descriptions). Returns the missing entries too: every function and every
 * parameter must have its Thai text, and Thai entries must not name unknown ones.
 */
export function localiseMetadata(metadata, thai) {
  const problems = [];
  const functions = metadata.functions.map((f) => {
    const th = thai[f.id];
    if (!th || typeof th.description !== "string" || !th.description.trim()) {
      problems.push(`${f.id}: no Thai description`);
    }
    const parameters = (f.parameters ?? []).map((p) => {
      const text = th?.parameters?.[p.name];
      if (typeof text !== "string" || !text.trim()) problems.push(`${f.id}(${p.name}): no Thai parameter help`);
      return { ...p, description: text ?? p.description };
    });
    for (const name of Object.keys(th?.parameters ?? {})) {
      if (!parameters.some((p) => p.name === name))
        problems.push(`${f.id}(${name}): Thai help for a parameter the function does not have`);
    }
    return { ...f, description: th?.description ?? f.description, parameters };
  });
  for (const id of Object.keys(thai)) {
    if (!metadata.functions.some((f) => f.id === id))
      problems.push(`${id}: Thai entry for a function that does not exist`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

/** Emits functions-th.json after the metadata plugin has put functions.json in the compilation. */
class ThaiFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ThaiFunctionsMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(THAI_SOURCE);
      compilation.hooks.processAssets.tap(
        { name: "ThaiFunctionsMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset("functions.json");
          if (!source) return; // the metadata plugin has already reported why
          const thai = JSON.parse(readFileSync(THAI_SOURCE, "utf8"));
          const { metadata, problems } = localiseMetadata(JSON.parse(source.source.source().toString()), thai);
          for (const p of problems) compilation.errors.push(new webpack.WebpackError(`functions.th.json: ${p}`));
          compilation.emitAsset("functions-th.json", new webpack.sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

async function getHttpsOptions() {
  const devCerts = await import("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

export default async (env, options) => {
  const production = Boolean(env.production);
  // Checked before anything is built: a production build without its URL fails here, with the reason.
  const urlProd = production ? productionUrl(env.url ?? process.env.ITA_ADDIN_URL) : undefined;
  return {
    context: here,
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/functions.ts",
      // `npm run preview`: the pane beside an in-memory workbook (no Office.js). Not for production.
      ...(production ? {} : { preview: "./src/taskpane/preview/preview.ts" }),
    },
    output: {
      path: path.join(here, "dist"),
      filename: "[name].js",
      // Lazy chunks (the rules editor) load relative to the page, which sits beside them in dist/;
      // an explicit path also spares the runtime from probing document scripts at start-up.
      publicPath: "",
      clean: true,
    },
    optimization: {
      // One runtime for both entries (one module instance, shared state), and the
      // engine + rules once, in common.js, instead of copied into each entry.
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          // Only what the add-in's own page shares: counting the preview page too would pull the
          // wizard and the memory workbook into common.js, which Excel loads for the functions.
          common: {
            name: "common",
            // Only the two entries: counting the lazy chunks (editor, criteria view, rules parser)
            // would pull what they share with the pane, the parser and the rules texts among it,
            // into common.js, which the functions load at start-up.
            chunks: (chunk) => chunk.name === "taskpane" || chunk.name === "functions",
            minChunks: 2,
            enforce: true,
            reuseExistingChunk: true,
          },
        },
      },
    },
    resolve: {
      extensions: [".ts", ".js"],
      extensionAlias: { ".js": [".ts", ".js"] },
    },
    module: {
      rules: [
        {
          // src/dsl and src/engine import nothing for its side effects, so a chunk carries only
          // what it uses of their doors (index.ts, runtime.ts, scoring.ts re-export whole folders):
          // importing parseRules does not bring the editor's tools, nor loadRulesText the audit.
          test: /[\\/]src[\\/](dsl|engine)[\\/][^\\/]+\.ts$/,
          sideEffects: false,
        },
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.join(here, "tsconfig.json"),
              onlyCompileBundledFiles: true,
              compilerOptions: { noEmit: false },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new ThaiFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "taskpane", "functions"],
        chunksSortMode: "manual",
      }),
      ...(production
        ? []
        : [
            new HtmlWebpackPlugin({
              filename: "preview.html",
              template: "./src/taskpane/preview/preview.html",
              chunks: ["preview"],
            }),
          ]),
      new CopyWebpackPlugin({
        patterns: [
          ...(production
            ? []
            : [
                { from: "src/taskpane/preview/preview.css", to: "preview.css" },
                { from: "examples/khlong-phon-2568/scores.csv", to: "preview/scores.csv" },
                { from: "examples/khlong-phon-2568/agency.csv", to: "preview/agency.csv" },
              ]),
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          // SupportUrl and the Get Started "learn more" link: a static page, no script.
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return production ? productionManifest(content.toString(), urlProd) : content;
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.join(here, "dist") },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
