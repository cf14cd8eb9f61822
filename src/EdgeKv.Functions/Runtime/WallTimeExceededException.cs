namespace EdgeKv.Functions.Runtime;

/// <summary>A request's response did not come within the wall-time limit (<see cref="FunctionLimits.WallTimeExceeded"/>).</summary>
internal sealed class WallTimeExceededException() : Exception("The function did not answer within the wall-time limit.");
