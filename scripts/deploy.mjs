/**
 * The production build's address: where an organisation hosts dist/ over HTTPS.
 * Used by webpack.config.js (`npm run build:prod -- --env url=https://host/path/`,
 * or ITA_ADDIN_URL) and by the offline manifest check, so both rewrite the manifest
 * the same way. Plain JavaScript: webpack's config imports it without a compiler.
 */

/** The development origin manifest.xml names; a production manifest must not. */
export const LOCAL_ORIGIN = "https://localhost:3000/";

const HOW = "npm run build:prod -- --env url=https://host.example/ita/ (หรือตั้ง ITA_ADDIN_URL / or set ITA_ADDIN_URL)";

const LOCAL_HOSTS = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * The hosting URL checked and normalised (one trailing slash), or an Error whose
 * message says, in Thai and English, what is wrong and how to give it.
 * @param {string | undefined} value
 * @returns {string}
 */
export function productionUrl(value) {
  const text = (value ?? "").trim();
  if (!text) {
    throw new Error(
      `การสร้างสำหรับใช้งานจริงต้องระบุ URL ที่จะวาง dist/ / a production build needs the URL where dist/ is hosted: ${HOW}`,
    );
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" ไม่ใช่ URL / is not a URL: ${HOW}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`Excel โหลด add-in ผ่าน https:// เท่านั้น / Excel loads add-ins over https:// only, not "${text}"`);
  }
  if (LOCAL_HOSTS.test(url.hostname)) {
    throw new Error(
      `URL สำหรับใช้งานจริงชี้ไปที่เครื่องนี้ (${url.hostname}) / a production URL must not point at this machine (${url.hostname})`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`URL ต้องไม่มี ?, # หรือชื่อผู้ใช้ / the URL must have no query, fragment or user name: "${text}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/*$/, "")}/`;
}

/**
 * manifest.xml with every development URL moved to `url` (from `productionUrl`);
 * refuses, with a Thai/English Error, to give a manifest still naming localhost.
 * @param {string} xml
 * @param {string} url
 * @returns {string}
 */
export function productionManifest(xml, url) {
  const out = xml.replaceAll(LOCAL_ORIGIN, url);
  const left = /https?:\/\/(localhost|127\.0\.0\.1)[^"<\s]*/i.exec(out);
  if (left) {
    throw new Error(`manifest สำหรับใช้งานจริงยังชี้ไปที่ ${left[0]} / the production manifest still points at ${left[0]}`);
  }
  return out;
}
