namespace NegotiationGame.Host.Hubs.Client;

public sealed record SpectatorCountMessage(string GameId, int Count);
