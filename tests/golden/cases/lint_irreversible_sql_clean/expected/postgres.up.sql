--- stderr
migrac: 'head' is ambiguous: more than one head: '0002_change', '0003_raw'
  help: write a merge migration (migrac merge A B), or name one head
--- exit 2
