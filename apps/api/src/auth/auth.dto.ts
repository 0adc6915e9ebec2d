import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'leader' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'luoshi-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class TokenView {
  @ApiProperty({ description: 'JWT，放在 Authorization: Bearer 头中' })
  accessToken!: string;

  @ApiProperty({ description: '有效期（秒）' })
  expiresIn!: number;
}
