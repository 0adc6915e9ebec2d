// A seed-plan import (preview with its dry run, then the commit of 353 assignments) takes a few
// seconds on a 2-core machine shared by several test runs: Jest's 5 s default is too tight for
// the hooks that import one. Tests still assert no durations (benchmarks measure speed).
jest.setTimeout(30_000);
