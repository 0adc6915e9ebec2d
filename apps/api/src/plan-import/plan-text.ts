/** An upload as multer hands it over (memory storage); the file is read by @app/plan-import. */
export interface UploadedPlanFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
