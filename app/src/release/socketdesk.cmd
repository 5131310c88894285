@echo off
rem SocketDesk launcher for Windows (release): runs socketdesk.jar next to it with Java 17 or newer.
rem With no arguments (a double click) it opens the web UI in the browser; otherwise it passes its
rem arguments through. JAVA_HOME, or java on the PATH, picks the Java; SOCKETDESK_JAVA_OPTS adds
rem JVM options; SOCKETDESK_NO_CDS=1 turns the class-data archive off.
setlocal EnableExtensions
set "HERE=%~dp0"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
set "JV="
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr /i /c:"version"') do if not defined JV set "JV=%%~v"
if not defined JV (
  echo socketdesk: Java 17 or newer is needed and none was found; install it from https://adoptium.net and run this again 1>&2
  if "%~1"=="" pause
  exit /b 1
)
set "JMAJOR="
for /f "delims=.-+" %%m in ("%JV%") do if not defined JMAJOR set "JMAJOR=%%m"
if "%JMAJOR%"=="1" set "JMAJOR=8"
if %JMAJOR% LSS 17 (
  echo socketdesk: Java 17 or newer is needed but "%JAVA%" is version %JV%; install 17 or newer from https://adoptium.net or set JAVA_HOME to it 1>&2
  if "%~1"=="" pause
  exit /b 1
)
rem Class-data sharing (AppCDS), as in the sh launcher: one archive per Java version.
set "CDSDIR=%LOCALAPPDATA%\socketdesk"
if not exist "%CDSDIR%" mkdir "%CDSDIR%" 2>nul
set "JSA=%CDSDIR%\socketdesk-java-%JV%.jsa"
set "CDS="
if not defined SOCKETDESK_NO_CDS (
  if %JMAJOR% GEQ 19 (
    set "CDS=-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="%JSA%""
  ) else if exist "%JSA%" (
    set "CDS=-XX:SharedArchiveFile="%JSA%" -Xshare:auto"
  ) else (
    set "CDS=-XX:ArchiveClassesAtExit="%JSA%" -Xlog:cds=off -Xlog:cds+dynamic=off"
  )
)
rem JIT: compile a method after 10 times the usual number of calls, as in the sh launcher (start-up
rem code runs once; compiling it competes for the CPU). SOCKETDESK_JAVA_OPTS can override it.
set "JIT=-XX:CompileThresholdScaling=10"
if "%~1"=="" (
  "%JAVA%" %JIT% %CDS% %SOCKETDESK_JAVA_OPTS% -jar "%HERE%socketdesk.jar" ui --open
) else (
  "%JAVA%" %JIT% %CDS% %SOCKETDESK_JAVA_OPTS% -jar "%HERE%socketdesk.jar" %*
)
exit /b %ERRORLEVEL%
