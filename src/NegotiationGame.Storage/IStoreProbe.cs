namespace NegotiationGame.Storage;

/// <summary>
/// The cheapest request a store can answer, for a readiness check: it reads no stream and writes nothing, so that
/// asking often costs the database next to nothing.
/// </summary>
public interface IStoreProbe
{
    /// <summary>Completes once the store has answered; throws when it cannot answer, or when <paramref name="cancellationToken"/> gives up first.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
