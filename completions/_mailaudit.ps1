
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mailaudit' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mailaudit'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mailaudit' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Audit a domain''s DMARC policy: the record that applies, the tree walk, the effective policy')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Audit a domain''s BIMI record and the DMARC policy it needs')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint a record given as text, before publishing it')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a finding code, or list every code')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Regenerate the committed completions and man page (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;spf' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;spf;eval' {
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'The connecting client''s IP address')
            [CompletionResult]::new('--mail-from', '--mail-from', [CompletionResultType]::ParameterName, 'The MAIL FROM address ("" for the null sender, which uses postmaster@HELO)')
            [CompletionResult]::new('--helo', '--helo', [CompletionResultType]::ParameterName, 'The HELO/EHLO name (checked itself when no --mail-from is given)')
            [CompletionResult]::new('--receiver', '--receiver', [CompletionResultType]::ParameterName, 'The receiving host''s name, for %{r} in explanations')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every term evaluated and every DNS query made')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;spf;help' {
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;spf;help;eval' {
            break
        }
        'mailaudit;spf;help;help' {
            break
        }
        'mailaudit;dmarc' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;bimi' {
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'The BIMI selector: the record is looked up at SELECTOR._bimi.DOMAIN')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Lint an SPF record given as text')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Lint a DMARC record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Lint a BIMI record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;lint;spf' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Follow include and redirect through DNS to count lookups across the whole tree')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;dmarc' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;bimi' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;lint;help' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Lint an SPF record given as text')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Lint a DMARC record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Lint a BIMI record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;lint;help;spf' {
            break
        }
        'mailaudit;lint;help;dmarc' {
            break
        }
        'mailaudit;lint;help;bimi' {
            break
        }
        'mailaudit;lint;help;help' {
            break
        }
        'mailaudit;explain' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;completions' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;generate-docs' {
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each DNS query')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Seconds one domain''s audit (or one `spf eval`) may take in all; what is not reached by then is reported as such')
            [CompletionResult]::new('--dns-concurrency', '--dns-concurrency', [CompletionResultType]::ParameterName, 'DNS queries in flight at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: one JSON object per line, written as each record is ready)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour text output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with status 1 when a finding is at or above this severity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings, and nothing when there are none')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mailaudit;help' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Audit a domain''s DMARC policy: the record that applies, the tree walk, the effective policy')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Audit a domain''s BIMI record and the DMARC policy it needs')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint a record given as text, before publishing it')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a finding code, or list every code')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Regenerate the committed completions and man page (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mailaudit;help;spf' {
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)')
            break
        }
        'mailaudit;help;spf;eval' {
            break
        }
        'mailaudit;help;dmarc' {
            break
        }
        'mailaudit;help;bimi' {
            break
        }
        'mailaudit;help;lint' {
            [CompletionResult]::new('spf', 'spf', [CompletionResultType]::ParameterValue, 'Lint an SPF record given as text')
            [CompletionResult]::new('dmarc', 'dmarc', [CompletionResultType]::ParameterValue, 'Lint a DMARC record given as text (or in a file, or on stdin)')
            [CompletionResult]::new('bimi', 'bimi', [CompletionResultType]::ParameterValue, 'Lint a BIMI record given as text (or in a file, or on stdin)')
            break
        }
        'mailaudit;help;lint;spf' {
            break
        }
        'mailaudit;help;lint;dmarc' {
            break
        }
        'mailaudit;help;lint;bimi' {
            break
        }
        'mailaudit;help;explain' {
            break
        }
        'mailaudit;help;completions' {
            break
        }
        'mailaudit;help;generate-docs' {
            break
        }
        'mailaudit;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
