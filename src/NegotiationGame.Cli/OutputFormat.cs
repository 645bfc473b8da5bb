namespace NegotiationGame.Cli;

internal enum OutputFormat
{
    Table,
    Json,
}
