// Time rules must hold whatever zone the server runs in: tests run in UTC on purpose,
// so a rule that leaned on the machine's zone instead of China time would fail here.
process.env.TZ = 'UTC'
