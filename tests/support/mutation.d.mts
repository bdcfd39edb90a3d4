export declare const BASELINE: string;
export declare const INCREMENTAL_FILE: string;
export declare function incrementalFileFor(args: string[]): string;
export declare function seedFromBaseline(root: string, file: string): boolean;
export declare function saveBaseline(root: string): { files: number; mutants: number };
