/** Types of scripts/deploy.mjs (plain JavaScript so webpack's config can import it). */
export declare const LOCAL_ORIGIN: string;
export declare function productionUrl(value: string | undefined): string;
export declare function productionManifest(xml: string, url: string): string;
