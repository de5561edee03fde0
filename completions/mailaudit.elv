
use builtin;
use str;

set edit:completion:arg-completer[mailaudit] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mailaudit'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mailaudit'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand spf 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)'
            cand dmarc 'Audit a domain''s DMARC policy: the record that applies, the tree walk, the effective policy'
            cand bimi 'Audit a domain''s BIMI record and the DMARC policy it needs'
            cand lint 'Lint a record given as text, before publishing it'
            cand explain 'Explain a finding code, or list every code'
            cand completions 'Print a shell completion script'
            cand generate-docs 'Regenerate the committed completions and man page (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;spf'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand eval 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;spf;eval'= {
            cand --ip 'The connecting client''s IP address'
            cand --mail-from 'The MAIL FROM address ("" for the null sender, which uses postmaster@HELO)'
            cand --helo 'The HELO/EHLO name (checked itself when no --mail-from is given)'
            cand --receiver 'The receiving host''s name, for %{r} in explanations'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --trace 'Show every term evaluated and every DNS query made'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;spf;help'= {
            cand eval 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;spf;help;eval'= {
        }
        &'mailaudit;spf;help;help'= {
        }
        &'mailaudit;dmarc'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;bimi'= {
            cand --selector 'The BIMI selector: the record is looked up at SELECTOR._bimi.DOMAIN'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand spf 'Lint an SPF record given as text'
            cand dmarc 'Lint a DMARC record given as text (or in a file, or on stdin)'
            cand bimi 'Lint a BIMI record given as text (or in a file, or on stdin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;lint;spf'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --resolve 'Follow include and redirect through DNS to count lookups across the whole tree'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;dmarc'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;bimi'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;help'= {
            cand spf 'Lint an SPF record given as text'
            cand dmarc 'Lint a DMARC record given as text (or in a file, or on stdin)'
            cand bimi 'Lint a BIMI record given as text (or in a file, or on stdin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;lint;help;spf'= {
        }
        &'mailaudit;lint;help;dmarc'= {
        }
        &'mailaudit;lint;help;bimi'= {
        }
        &'mailaudit;lint;help;help'= {
        }
        &'mailaudit;explain'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;completions'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;generate-docs'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;help'= {
            cand spf 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)'
            cand dmarc 'Audit a domain''s DMARC policy: the record that applies, the tree walk, the effective policy'
            cand bimi 'Audit a domain''s BIMI record and the DMARC policy it needs'
            cand lint 'Lint a record given as text, before publishing it'
            cand explain 'Explain a finding code, or list every code'
            cand completions 'Print a shell completion script'
            cand generate-docs 'Regenerate the committed completions and man page (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;help;spf'= {
            cand eval 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
        }
        &'mailaudit;help;spf;eval'= {
        }
        &'mailaudit;help;dmarc'= {
        }
        &'mailaudit;help;bimi'= {
        }
        &'mailaudit;help;lint'= {
            cand spf 'Lint an SPF record given as text'
            cand dmarc 'Lint a DMARC record given as text (or in a file, or on stdin)'
            cand bimi 'Lint a BIMI record given as text (or in a file, or on stdin)'
        }
        &'mailaudit;help;lint;spf'= {
        }
        &'mailaudit;help;lint;dmarc'= {
        }
        &'mailaudit;help;lint;bimi'= {
        }
        &'mailaudit;help;explain'= {
        }
        &'mailaudit;help;completions'= {
        }
        &'mailaudit;help;generate-docs'= {
        }
        &'mailaudit;help;help'= {
        }
    ]
    $completions[$command]
}
