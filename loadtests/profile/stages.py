#!/usr/bin/env python3
"""Where a server's CPU goes, by stage of the hub path, from `perf script` output of a perf record with call graphs.

    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet negotiationgame-server.dll ...   # JIT symbols for perf
    perf record -F 997 -g -p <server pid> -o server.perf.data -- sleep 20                         # during the measured window
    perf script -i server.perf.data -F comm,tid,ip,sym,dso > server.stacks.txt
    python3 loadtests/profile/stages.py server.stacks.txt

Each sample counts once, under the first stage (in the order below) that any frame of its stack belongs to, so a
grain call made by the fan-out counts as fan-out. Samples of no stage are split by thread: the GC's, the JIT's,
the kernel's, or other.
"""
import sys, re, collections
RULES = [
 ('hub: token', r'TokenService::|DataProtection'),
 ('hub: rate limit', r'RateLimiting\]|CallLimiter'),
 ('hub: bind request', r'HubRequestConverter|RequestJson::Bind|JsonHubProtocol::ParseMessage|JsonHubProtocol::BindTypes'),
 ('hub: metrics', r'OpenTelemetry|CommandMetricsFilter::KindOf|Histogram|Counter`1::Add'),
 ('grain: GetGrain', r'GrainFactory::GetGrain'),
 ('fingerprint', r'CommandFingerprint|CommandIdentity'),
 ('domain decide', r'NegotiationGame.Domain'),
 ('store', r'Sqlite|SqliteEventStore|WalSyncer|WalCheckpointer'),
 ('relay fan-out (outbox→send)', r'ConnectionOutbox|SignalRConnectionSender|GameFeed|GameEventRelay|SpectatorLane'),
 ('socket send', r'SocketConnection\+<DoSend>|WebSocketsServerTransport\+<StartSending>|ManagedWebSocket::SendAsync'),
 ('socket receive', r'SocketConnection\+<DoReceive>|WebSocketsServerTransport\+<StartReceiving>'),
 ('hub: write reply', r'HubConnectionContext::WriteAsync|WriteCore'),
 ('orleans messaging', r'Orleans\.Runtime\.Messaging|InsideRuntimeClient|OutgoingCallInvoker|GrainReferenceRuntime|ActivationData|DeepCopy|Copier|Orleans\.Serialization|ObserverManager|WorkItemGroup'),
 ('hub: dispatch other', r'HubConnectionHandler|DefaultHubDispatcher|HubFilterFactory|GameHub|HubErrorFilter|RateLimitFilter|CommandMetricsFilter'),
 ('timers/heartbeats', r'TimerQueue|Heartbeat|TickHeartbeat'),
]
RULES=[(n,re.compile(p)) for n,p in RULES]
cnt=collections.Counter(); total=0; comm_c=collections.Counter()
def flush(comm, frames):
    global total
    if not frames: return
    total+=1
    # leaf first; we look for the most specific rule matching any frame, prefer leafward order of RULES priority
    cat=None
    for n,p in RULES:
        if any(p.search(f) for f in frames): cat=n; break
    if cat is None:
        leaf=frames[0]
        if 'GC' in comm or 'gc' in comm: cat='GC thread'
        elif 'kernel' in leaf: cat='kernel other'
        elif 'libclrjit' in ''.join(frames) or 'JIT' in comm and 'Tiered' in comm: cat='JIT'
        elif 'libcoreclr' in leaf: cat='coreclr other (alloc/GC/stubs)'
        else: cat='other'
    cnt[cat]+=1; comm_c[comm]+=1
comm=None; frames=[]
for line in open(sys.argv[1], errors='replace'):
    if not line.strip():
        flush(comm, frames); comm=None; frames=[]; continue
    if not line.startswith('\t') and not line.startswith(' '):
        comm=line.rsplit(' ',2)[0].strip(); frames=[]; continue
    frames.append(line.strip())
flush(comm, frames)
print('samples', total)
for k,v in cnt.most_common(): print(f'{100*v/total:6.1f}%  {k}')
print('threads:', ', '.join(f'{k}:{100*v/total:.1f}%' for k,v in comm_c.most_common(8)))
