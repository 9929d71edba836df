// Deterministic colour output for in-process renders, whatever the developer's terminal says.
delete process.env.CI;
delete process.env.NO_COLOR;
process.env.FORCE_COLOR = "1";
