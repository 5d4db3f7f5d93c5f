global using Xunit;
global using CallTracking.Tests.Core;
global using CallTracking.Core.Providers.TrackDrive;
