// A seed-plan import (preview with its dry run, then the commit of 353 assignments) takes a few
// seconds on a 2-core machine shared by several test runs, and under heavy load a commit alone
// took 20 s: Jest's 5 s default is too tight for the hooks that import one. Tests still assert
// no durations (benchmarks measure speed).
jest.setTimeout(120_000);
