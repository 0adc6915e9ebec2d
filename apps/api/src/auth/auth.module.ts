import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@app/config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { IdentityCache } from './identity-cache';
import { LoginThrottleService } from './login-throttle.service';
import { VerifiedTokens } from './verified-tokens';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object, not the string: given a string, jsonwebtoken first tries it as a public
      // key on every verify, and the failed attempt (an exception) was a tenth of a status
      // update's CPU under load (bench:load's profile). HS256 only, on both sides.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginThrottleService,
    IdentityCache,
    VerifiedTokens,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
