import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@app/config';
import { hashPassword, verifyPassword } from '../users/passwords';
import { UserQueries } from '../users/user.queries';
import { TokenView } from './auth.dto';

// Compared against when the user does not exist, so a wrong username costs the same time as a
// wrong password and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const DUMMY_HASH = (): Promise<string> => (dummyHash ??= hashPassword('not-a-password'));

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserQueries,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<TokenView> {
    const user = await this.users.findForLogin(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH()));
    if (!user || !ok) throw new UnauthorizedException('用户名或密码错误');
    const expiresIn = this.config.jwtExpiresIn;
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role }, { expiresIn });
    return { accessToken, expiresIn };
  }
}
