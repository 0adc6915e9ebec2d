import { ApiProperty } from '@nestjs/swagger';
import { EvidenceFile } from '@app/database';

/** What an upload reads of Multer's file (memory storage: the bytes are at hand). */
export interface UploadedEvidence {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'SHA-256' }) sha256!: string;
  @ApiProperty() createdAt!: Date;

  static from(file: EvidenceFile): EvidenceView {
    const { id, fileName, contentType, size, sha256, createdAt } = file;
    return Object.assign(new EvidenceView(), {
      id,
      fileName,
      contentType,
      size,
      sha256,
      createdAt,
    });
  }
}
