--- stderr
migrac: 'head' is ambiguous: more than one head: '0002_a', '0002_b'
  help: write a merge migration (migrac merge A B), or name one head
--- exit 2
