; Zhanggui CRM - per-user Windows installer (no administrator rights needed).
;
;   makensis /DVERSION=0.1.0 /DSOURCE=..\..\dist\crm-desktop /DOUTFILE=..\..\dist\crm-desktop-setup.exe installer.nsi
;
; SOURCE is the one-folder PyInstaller build (crm-desktop.exe and _internal\). The app goes to
; %LOCALAPPDATA%\Programs\Zhanggui CRM, with Start-menu and desktop shortcuts and an entry in
; "Apps & features". The uninstaller removes the program; the user's data
; (%LOCALAPPDATA%\Zhanggui\crm-desktop: database, backups) and settings stay unless the
; "Also remove my data" box is ticked.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SOURCE
  !define SOURCE "..\..\dist\crm-desktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\crm-desktop-${VERSION}-setup.exe"
!endif
!define APP "Zhanggui CRM"
!define EXE "crm-desktop.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ZhangguiCRM"
!define SETTINGS_KEY "Software\Zhanggui\crm-desktop"
!define DATA_DIR "$LOCALAPPDATA\Zhanggui\crm-desktop"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma
Icon "..\icons\crm-desktop.ico"
UninstallIcon "..\icons\crm-desktop.ico"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=0 "CompanyName" "Zhanggui"
VIAddVersionKey /LANG=0 "LegalCopyright" "Zhanggui CRM authors"

!define MUI_ICON "..\icons\crm-desktop.ico"
!define MUI_UNICON "..\icons\crm-desktop.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_UNCOMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutName ${LANG_SIMPCHINESE} "掌柜 CRM"
LangString ShortcutName ${LANG_ENGLISH} "${APP}"
LangString RemoveData ${LANG_SIMPCHINESE} "同时删除我的数据（数据库、备份和设置）"
LangString RemoveData ${LANG_ENGLISH} "Also remove my data (database, backups and settings)"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "-Program" SecProgram
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"  ; an upgrade does not keep the previous version's libraries
  File /r "${SOURCE}\*.*"
  File "/oname=crm-desktop.ico" "..\icons\crm-desktop.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\crm-desktop.ico"
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\crm-desktop.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Zhanggui"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\crm-desktop.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "-un.Program"
  SetShellVarContext current
  Delete "$SMPROGRAMS\$(ShortcutName).lnk"
  Delete "$DESKTOP\$(ShortcutName).lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\crm-desktop.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

; Unticked by default: the database stays for a reinstall or another version.
Section /o "un.$(RemoveData)" SecRemoveData
  RMDir /r "${DATA_DIR}"
  RMDir "$LOCALAPPDATA\Zhanggui"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  DeleteRegKey /ifempty HKCU "Software\Zhanggui"
SectionEnd
