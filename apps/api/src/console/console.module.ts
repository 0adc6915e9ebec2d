import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { APP_CONFIG, AppConfig } from '@app/config';

/**
 * The web console (apps/web, built to WEB_DIR) from the API's own origin: its files at `/`, and
 * index.html for every other path outside `/api`, so a deep link such as /items/<id> (the link in
 * every reminder email) loads the console on a reload and the console's router takes over.
 */
@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [
        {
          rootPath: resolve(config.webDir),
          exclude: /^\/api(\/|$)/,
          serveStaticOptions: {
            // Vite names built assets by their content hash: cache them for good, never index.html.
            setHeaders: (res: { setHeader: (k: string, v: string) => void }, path: string) =>
              res.setHeader(
                'Cache-Control',
                /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
              ),
          },
        },
      ],
    }),
  ],
})
export class ConsoleModule {}
