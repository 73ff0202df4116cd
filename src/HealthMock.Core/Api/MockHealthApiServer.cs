using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HealthMock.Json;

namespace HealthMock.Api;

/// <summary>
/// A local HTTP JSON service over a dataset folder's front-desk operations, on the loopback address only, built on the
/// framework's <see cref="HttpListener"/>. It serves resource routes (GET /patients/{patient_id},
/// POST /appointments, ...) and tool routes (GET /tools, POST /tools/{name}); GET / lists them.
/// </summary>
/// <remarks>
/// Each request is handled on its own task and every failure is caught per request, so bad input never stops the
/// service. Errors are JSON <c>{"error": {"code": ..., "message": ...}}</c> with the status of
/// <see cref="FrontDeskErrors.HttpStatus"/>: 400 bad input or malformed JSON, 404 unknown record or route, 405 wrong
/// method, 409 a rule refused the request, 413 a body over <see cref="MaxBodyBytes"/>, 415 a body not declared as
/// JSON. <see cref="Stop"/> stops taking requests and lets those in progress finish.
/// </remarks>
public sealed class MockHealthApiServer : IDisposable
{
    /// <summary>The largest request body accepted, in bytes (64 KB).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int DrainLimit = 1024 * 1024;

    private const int PortAttempts = 8;

    private const int AccessDenied = 5;

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private readonly HttpListener _listener;
    private readonly ApiRouter _router;
    private readonly object _stateGate = new object();
    private readonly Task _acceptLoop;
    private int _inFlight;
    private long _requests;
    private bool _stopping;
    private bool _stopped;

    private MockHealthApiServer(FrontDeskService service, HttpListener listener, int port)
    {
        Service = service;
        _listener = listener;
        _router = new ApiRouter(service);
        Port = port;
        BaseAddress = listener.Prefixes.FirstOrDefault(p => p.StartsWith("http://127.", StringComparison.Ordinal))
            ?? listener.Prefixes.First();
        _acceptLoop = Task.Run(AcceptAsync);
    }

    /// <summary>
    /// The service's root URL, such as http://127.0.0.1:50123/ (http://localhost:50123/ where Windows allows only
    /// localhost to a user without a URL reservation).
    /// </summary>
    public string BaseAddress { get; }

    /// <summary>The loopback port the service listens on.</summary>
    public int Port { get; }

    /// <summary>The dataset folder served, or null for a dataset held in memory.</summary>
    public string? Path => Service.Folder;

    /// <summary>The front desk the service answers from.</summary>
    public FrontDeskService Service { get; }

    /// <summary>Whether the service still takes requests.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_stateGate)
            {
                return !_stopping;
            }
        }
    }

    /// <summary>How many requests the service has answered or is answering.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Every route as "METHOD /path".</summary>
    public IReadOnlyList<string> Routes => _router.Routes;

    /// <summary>
    /// Opens the dataset folder <paramref name="folder"/> and serves it on loopback port <paramref name="port"/>,
    /// or on a free port when it is 0.
    /// </summary>
    /// <exception cref="DatasetFileException">The folder or a dataset file is missing or malformed.</exception>
    /// <exception cref="HttpListenerException">The port is taken or cannot be listened on.</exception>
    public static MockHealthApiServer Start(string folder, int port = 0, FrontDeskOptions? options = null) =>
        Start(FrontDeskService.Open(folder, options), port);

    /// <summary>
    /// Serves <paramref name="service"/> on loopback port <paramref name="port"/>, or on a free port when it is 0.
    /// </summary>
    /// <exception cref="HttpListenerException">The port is taken or cannot be listened on.</exception>
    public static MockHealthApiServer Start(FrontDeskService service, int port = 0)
    {
        if (service is null)
        {
            throw new ArgumentNullException(nameof(service));
        }

        if (port < 0 || port > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port,
                $"Port {port} is not a TCP port; expected 0 (any free port) to {IPEndPoint.MaxPort}.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var listener = Listen(chosen, withAddress: true);
            try
            {
                try
                {
                    listener.Start();
                }
                catch (HttpListenerException e) when (e.ErrorCode == AccessDenied)
                {
                    // Windows lets a user without a URL reservation listen on localhost only.
                    listener.Close();
                    listener = Listen(chosen, withAddress: false);
                    listener.Start();
                }

                return new MockHealthApiServer(service, listener, chosen);
            }
            catch (HttpListenerException) when (port == 0 && attempt < PortAttempts)
            {
                // Another process took the free port between the probe and the bind; probe again.
                listener.Close();
            }
            catch
            {
                listener.Close();
                throw;
            }
        }
    }

    /// <summary>
    /// Stops taking requests, lets those in progress finish for up to <paramref name="drain"/> (five seconds by
    /// default), and closes the listener. Calling it again does nothing.
    /// </summary>
    public void Stop(TimeSpan? drain = null)
    {
        lock (_stateGate)
        {
            if (_stopped)
            {
                return;
            }

            _stopping = true;
            var deadline = DateTime.UtcNow + (drain ?? TimeSpan.FromSeconds(5));
            while (_inFlight > 0 && DateTime.UtcNow < deadline)
            {
                Monitor.Wait(_stateGate, TimeSpan.FromMilliseconds(50));
            }

            _stopped = true;
        }

        try
        {
            _listener.Stop();
        }
        finally
        {
            _listener.Close();
        }

        _acceptLoop.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>Stops the service, as <see cref="Stop"/> does.</summary>
    public void Dispose() => Stop();

    /// <summary>Returns the base address.</summary>
    public override string ToString() => BaseAddress;

    /// <summary>
    /// A listener for loopback port <paramref name="port"/>: on localhost, and on 127.0.0.1 too when
    /// <paramref name="withAddress"/> is true.
    /// </summary>
    private static HttpListener Listen(int port, bool withAddress)
    {
        var listener = new HttpListener();
        var text = port.ToString(CultureInfo.InvariantCulture);
        if (withAddress)
        {
            listener.Prefixes.Add("http://127.0.0.1:" + text + "/");
        }

        listener.Prefixes.Add("http://localhost:" + text + "/");
        return listener;
    }

    /// <summary>
    /// Finds a free loopback port by binding a listener to port 0 and releasing it; the HTTP listener then binds
    /// the same port, and <see cref="Start(FrontDeskService, int)"/> tries again if it was taken meanwhile.
    /// </summary>
    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException
                or InvalidOperationException)
            {
                if (!IsRunning)
                {
                    return;
                }

                continue;
            }

            Interlocked.Increment(ref _requests);
            bool refuse;
            lock (_stateGate)
            {
                refuse = _stopping;
                if (!refuse)
                {
                    _inFlight++;
                }
            }

            if (refuse)
            {
                Answer(context, null, new FrontDeskException(FrontDeskErrorCode.ShuttingDown,
                    "The service is stopping and takes no new requests."));
                continue;
            }

            _ = Task.Run(() => HandleAndRelease(context));
        }
    }

    private void HandleAndRelease(HttpListenerContext context)
    {
        try
        {
            Handle(context);
        }
        finally
        {
            lock (_stateGate)
            {
                _inFlight--;
                Monitor.PulseAll(_stateGate);
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        ApiResult? result = null;
        FrontDeskException? error = null;
        try
        {
            var path = request.Url!.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(Uri.UnescapeDataString).ToList();
            result = _router.Handle(request.HttpMethod.ToUpperInvariant(), path, request.QueryString,
                () => ReadBody(request));
        }
        catch (FrontDeskException e)
        {
            error = e;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = new FrontDeskException(FrontDeskErrorCode.InternalError,
                $"The service failed while handling {request.HttpMethod} {request.Url?.AbsolutePath}: "
                + $"{e.GetType().Name}: {e.Message}", null, e);
        }

        Answer(context, result, error);
    }

    /// <summary>
    /// Reads the body as JSON, or returns null when there is none. Refuses a body over <see cref="MaxBodyBytes"/>
    /// (payload_too_large), one not declared as JSON (unsupported_media_type) and malformed JSON (malformed_json).
    /// </summary>
    private static JsonElement? ReadBody(HttpListenerRequest request)
    {
        if (!request.HasEntityBody)
        {
            return null;
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var input = request.InputStream;
            var chunk = new byte[16 * 1024];
            var tooLarge = request.ContentLength64 > MaxBodyBytes;
            int read;
            while (!tooLarge && (read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                tooLarge = buffer.Length > MaxBodyBytes;
            }

            if (tooLarge)
            {
                Drain(input, chunk);
                throw new FrontDeskException(FrontDeskErrorCode.PayloadTooLarge,
                    $"The request body is larger than {MaxBodyBytes} bytes; expected a small JSON object of "
                    + "arguments.");
            }

            bytes = buffer.ToArray();
        }

        if (bytes.Length == 0)
        {
            return null;
        }

        var mediaType = (request.ContentType ?? "").Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            && !mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            throw new FrontDeskException(FrontDeskErrorCode.UnsupportedMediaType,
                $"The request body is declared as '{(mediaType.Length == 0 ? "nothing" : mediaType)}'; expected "
                + "Content-Type: application/json.", mediaType);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FrontDeskException(FrontDeskErrorCode.MalformedJson,
                $"The request body is not valid JSON at line {(e.LineNumber ?? 0) + 1}, position "
                + $"{(e.BytePositionInLine ?? 0) + 1}; expected a JSON object of arguments.", null, e);
        }
    }

    /// <summary>Reads and discards up to a megabyte more, so the client can read the answer.</summary>
    private static void Drain(Stream input, byte[] chunk)
    {
        try
        {
            var total = 0;
            int read;
            while (total < DrainLimit && (read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                total += read;
            }
        }
        catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException)
        {
            // The client went away; the answer below fails quietly too.
        }
    }

    private static void Answer(HttpListenerContext context, ApiResult? result, FrontDeskException? error)
    {
        var response = context.Response;
        try
        {
            var status = error?.HttpStatus ?? result!.Status;
            object body = error is null ? result!.Body : new ErrorResponse(error);
            byte[] bytes;
            try
            {
                bytes = Serialize(body);
            }
            catch (JsonExportException e)
            {
                status = 500;
                bytes = Serialize(new ErrorResponse(new FrontDeskException(FrontDeskErrorCode.InternalError,
                    "The answer could not be written as JSON: " + e.Message)));
            }

            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            if (result?.Location is string location && error is null)
            {
                response.AddHeader("Location", location);
            }

            if (error?.Code == FrontDeskErrorCode.MethodNotAllowed && error.Target is string allowed)
            {
                response.AddHeader("Allow", allowed);
            }

            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException
            or InvalidOperationException)
        {
            // The client closed the connection; there is no one left to answer.
            response.Abort();
        }
    }

    private static byte[] Serialize(object body)
    {
        var writer = new JsonValueWriter(new JsonExportOptions { NamingPolicy = NamingPolicy.AsIs, Indented = false });
        return Utf8.GetBytes(writer.Serialize(body));
    }
}
