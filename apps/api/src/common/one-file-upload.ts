import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';

/**
 * A route that takes one file as the multipart field `file` (evidence on a report, on a
 * notice's answer): the document says so and multer reads it, within the module's size limit.
 */
export const OneFileUpload = () =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
    }),
    UseInterceptors(FileInterceptor('file')),
  );
