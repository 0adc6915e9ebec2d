import bcrypt from 'bcryptjs';
import { passwordHashCost } from '@app/config';

export const hashPassword = (password: string): Promise<string> =>
  bcrypt.hash(password, passwordHashCost());
export const verifyPassword = (password: string, hash: string): Promise<boolean> =>
  bcrypt.compare(password, hash);
