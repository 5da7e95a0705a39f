--- stderr
migrac: 'head' is ambiguous: more than one head: '0001_base', '0003_raw'
  help: write a merge migration (migrac merge A B), or name one head
--- exit 2
