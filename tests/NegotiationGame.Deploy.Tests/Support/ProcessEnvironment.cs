namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>Environment variables of this process set for one test and restored when it is disposed.</summary>
internal sealed class ProcessEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _before;

    private ProcessEnvironment(Dictionary<string, string?> before) => _before = before;

    public static ProcessEnvironment Set(IReadOnlyDictionary<string, string> variables)
    {
        var before = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value.Length == 0 ? null : value);
        }

        return new ProcessEnvironment(before);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _before)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
