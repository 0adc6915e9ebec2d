/**
 * Passwords people choose first, from the public lists of leaked passwords (the worldwide top
 * lists and the ones from Chinese sites: 拼音, 520/1314 love numbers, keyboard walks, a capital and
 * a symbol stuck on). Compared lower-case, so `Aa123456` stands for `AA123456` too. A small list
 * on purpose: it refuses what a guesser tries first; length and kinds do the rest.
 */
const LIST = `
123456 123456789 12345678 12345 1234567 1234567890 111111 000000 123123 123321 654321 666666
888888 88888888 8888888 11111111 112233 121212 123654 147258 147258369 159357 159753 168168
1314520 520520 5201314 5211314 520131400 1314521 1234 0000 123456a 123456aa a123456 a12345678
a123456789 aa123456 aa12345678 aaa123456 abc123 abc123456 abc12345 abcd1234 abcd123456
aA123456 Aa123456 Aa12345678 Aa123456! Aa123456. Aa123456@ Aa@123456 Aa111111 Aa888888
Abc123 Abc123456 Abc@123 Abc@1234 Abc@123456 Abc123! Abc123!@# Abcd1234 Abcd@1234 Abcd1234!
Admin Admin123 Admin@123 Admin123! Admin@1234 admin admin123 admin888 admin1234 admin@123
administrator Administrator1 root root123 Root@123 Root123! toor test test123 Test@123
Test1234 test1234 guest guest123 user user123 User@123 manager Manager1 system System@123
password password1 password12 password123 Password Password1 Password12 Password123 Password!
Password1! Password@123 P@ssw0rd P@ssword P@ssword1 P@ssw0rd1 P@ssw0rd123 Passw0rd Passw0rd!
pass1234 Pass1234 Pass@123 Pass@1234 passw0rd pa55word pa55w0rd Pa55w0rd Pa$$w0rd Pa$$word
qwerty qwerty123 Qwerty123 Qwerty1! qwerty12 qwertyuiop qwe123 qwe123456 Qwe123!@# qwe!@#123
Qwer1234 qwer1234 Qwer!234 Qwer@1234 qweasd qweasdzxc qweasd123 Qweasd123 qazwsx qazwsx123
Qazwsx123 1qaz2wsx 1qaz2wsx3edc 1qaz@WSX 1qaz!QAZ 1QAZ2wsx 1q2w3e4r 1q2w3e4r5t 1Q2w3e4r
1q2w3e 1q2w3e4r! 1qazxsw2 zaq12wsx ZAQ!2wsx !QAZ2wsx !QAZ1qaz @WSX2wsx asdf1234 Asdf1234
asd123 asd123456 asdfgh asdfghjkl Asdf@1234 zxc123 zxcvbnm zxcvbn Zxcvbnm1 zxcv1234 Zxcv1234
1234qwer 1234abcd 1234QWER 123qwe 123qwe!@# 123qweasd 123abc 123abc! 123aaa 12qwaszx
woaini woaini1314 woaini520 woaini521 woaini123 woaini1234 Woaini1314 woaini@1314 iloveyou
iloveyou1 iloveyou1314 Iloveyou1 iloveu 5201314a wo123456 wodemima mima123 mima1234
woshishui nihao123 nihao666 zhangwei zhang123 zhang123456 wang123 wang123456 wangjing
li123456 liu123456 chen123456 yang123456 zhao123456 huang123 zhou123456 wu123456 xu123456
sun123456 ma123456 zhu123456 hu123456 guo123456 lin123456 he123456 gao123456 luo123456
qq123456 qq123456789 QQ123456 qq5201314 aini1314 1314woaini 123456789a 12345678a 1234567a
a1234567 a1b2c3d4 a1b2c3 A1b2c3d4 abc!@#123 !@#123qwe !QAZ@WSX #EDC4rfv 147852369
741852963 963852741 159753456 123456789. 123456! 123456. 12345678! 1234567890a 0123456789
11223344 1122334455 12341234 12344321 123454321 1234512345 135792468 246810 987654321
987654 9876543210 7758521 7758258 584520 521521 147147 258258 369369 456456 789789 100200
shanghai beijing shenzhen guangzhou china123 China123 zhongguo zhongguo123 huawei123
Huawei@123 Huawei12#$ huawei@123 Changeme123 changeme Changeme! Welcome1 Welcome123
Welcome@123 welcome welcome1 Hello123 hello123 Hello@123 hello1234 letmein Letmein1 monkey
dragon master Master123 sunshine princess football baseball superman batman trustno1
shadow michael jordan jennifer hunter buster soccer harley tigger charlie robert thomas
hockey ranger daniel starwars george computer michelle jessica pepper freedom maggie
ginger joshua cheese amanda summer ashley nicole chelsea matthew access yankees dallas
austin thunder taylor matrix mustang killer 696969 7777777 777777 555555 131313 222222
333333 444444 999999 99999999 66666666 aaaaaa aaaaaaaa abcdef abcdefg abcdefgh abcd1234!
q1w2e3r4 Q1w2e3r4 q1w2e3r4t5 1a2b3c4d 1234asdf 123asd 123zxc 321321 112233aa aabbcc
Aa1234567 Aa123123 Aa147258 Aa5201314 Aa1314520 Aa123456789 Abc12345 Abc1234! Qq123456
Qq123456! Woaini520 Woaini@520 Wang123456 Zhang123456 Li123456 Aa000000 A123456a
luoshi luoshi123 Luoshi123 Luoshi@123 luoshi-demo fazhi123 Fazhi123 zhengfu123 Zhengfu@123
gov123456 Gov@123456 dangzheng123 ducha123 Ducha@123 duban123 Duban@123
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  LIST.split(/\s+/)
    .filter(Boolean)
    .map((p) => p.toLowerCase()),
);
