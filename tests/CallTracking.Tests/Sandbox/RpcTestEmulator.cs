using System.Text;
using CallTracking.Sandbox;
using CallTracking.Sandbox.Http;

namespace CallTracking.Tests.Sandbox;

/// <summary>
/// A small emulator written against the public <see cref="ISandboxEmulator"/> only, shaped like an RPC API: one path,
/// the operation chosen by method=, errors in a 200 body, and an asynchronous request that calls back when the sandbox
/// clock says it is done. It proves that a provider plugs in without touching the shared code.
/// </summary>
internal sealed class RpcTestEmulator : ISandboxEmulator, IDisposable
{
    public const string Pin = "rpc-pin-7731";
    public static readonly TimeSpan ProvisioningDelay = TimeSpan.FromMinutes(7);

    private readonly SandboxContext _context;
    private readonly object _gate = new();
    private readonly List<(DateTimeOffset Due, Uri Callback, string Id)> _pending = new();
    private int _purchases;

    public RpcTestEmulator(SandboxContext context, string secretName = "rpc_pin")
    {
        _context = context;
        SecretNames = new[] { secretName };
        TestCredential = new SandboxCredential("pin", secretName, Pin, new Dictionary<string, string> { ["client"] = "42" });
        _context.Clock.Advanced += OnClockAdvanced;
    }

    public string Provider => "Rpc";
    public IReadOnlyList<SandboxEndpoint> Endpoints { get; } = new[] { new SandboxEndpoint("rpc", "/rpc/", "rpc/api.php") };
    public SandboxCredential TestCredential { get; }
    public IReadOnlyList<SandboxCredential> Credentials => new[] { TestCredential };
    public IReadOnlyCollection<string> SecretNames { get; }

    public int Purchases
    {
        get { lock (_gate) return _purchases; }
    }

    /// <summary>Tasks of the callbacks sent when the clock moved, so a test can wait for them.</summary>
    public List<Task<SandboxCallbackRecord>> SentCallbacks { get; } = new();

    public string? OperationOf(SandboxHttpRequest request) => request.Get("method") switch
    {
        "list_numbers" => "Rpc.ListNumbers",
        "purchase_number" => "Rpc.PurchaseNumber",
        "provision" => "Rpc.Provision",
        _ => null,
    };

    public Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Get(SecretNames.First()) != Pin) return Task.FromResult(Envelope(4, "Authentication Failed"));
        switch (OperationOf(request))
        {
            case "Rpc.ListNumbers":
                return Task.FromResult(Envelope(1, "Success", "[\"+15555550100\"]"));
            case "Rpc.PurchaseNumber":
                lock (_gate) _purchases++;
                return Task.FromResult(Envelope(1, "Success", "[\"+15555550101\"]"));
            case "Rpc.Provision":
                var id = "req-" + Guid.NewGuid().ToString("N")[..8];
                lock (_gate) _pending.Add((_context.Clock.Now + ProvisioningDelay, new Uri(request.Get("callback")!), id));
                return Task.FromResult(Envelope(1, "Accepted", "[\"" + id + "\"]"));
            default:
                return Task.FromResult(Envelope(404, "Invalid Request Method"));
        }
    }

    public SandboxHttpResponse ProviderErrorIn200(SandboxHttpRequest request, string? code, string? message) =>
        Envelope(int.Parse(code ?? "0"), message ?? "Unknown Error");

    private static SandboxHttpResponse Envelope(int code, string status, string data = "null") =>
        new(200, SandboxHttpResponse.JsonContentType, Encoding.UTF8.GetBytes("{\"code\":" + code + ",\"status\":\"" + status + "\",\"data\":" + data + "}"));

    private void OnClockAdvanced(object? sender, SandboxClockAdvancedEventArgs e)
    {
        List<(DateTimeOffset Due, Uri Callback, string Id)> due;
        lock (_gate)
        {
            due = _pending.Where(p => p.Due <= e.To).ToList();
            _pending.RemoveAll(p => p.Due <= e.To);
        }
        foreach (var p in due)
        {
            var body = "{\"request\":\"" + p.Id + "\",\"status\":\"done\",\"" + SecretNames.First() + "\":\"" + Pin + "\"}";
            lock (_gate) SentCallbacks.Add(_context.Callbacks.SendAsync(new SandboxCallback(Provider, "POST", p.Callback, body)));
        }
    }

    public void Dispose() => _context.Clock.Advanced -= OnClockAdvanced;
}
