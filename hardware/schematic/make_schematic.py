#!/usr/bin/env python3
"""Draws hardware/schematic/ws52x-diy.svg from the pin list below (the same pins as firmware/Ws52x.Esp32/PinMap.cs).

Net labels join the parts, as on a hand-drawn schematic: a wire ends in a name, and every end with the same name is one
net. Each ESP32 pin is a <g class="esp32-pin" data-gpio=".." data-signal=".."> that the test
tests/Ws52x.Tests/Hardware/PinAgreementTests.cs reads back and compares with PinMap.cs and the tables in hardware/.
Run: python3 hardware/schematic/make_schematic.py  (writes the SVG beside this script)
"""
import os

# PinMap constant, GPIO, net label, side of the module it is drawn on.
ESP32_PINS = [
    ("RadioSck", 18, "SCK", "R"), ("RadioMiso", 19, "MISO", "R"), ("RadioMosi", 23, "MOSI", "R"),
    ("RadioNss", 5, "NSS", "R"), ("RadioReset", 14, "RFM_RST", "R"), ("RadioDio0", 26, "DIO0", "R"),
    ("RadioDio1", 33, "DIO1", "R"),
    ("MeteringCf", 25, "CF", "L"), ("MeteringCf1", 27, "CF1", "L"), ("MeteringSel", 12, "SEL", "L"),
    ("Relay", 16, "RELAY", "L"), ("Led", 2, "LED", "L"), ("Button", 0, "BTN", "L"),
    ("PowerFail", 34, "PFAIL", "L"), ("ConsoleTx", 17, "CON_TX", "L"), ("ConsoleRx", 4, "CON_RX", "L"),
]

out = []


def el(s):
    out.append(s)


def text(x, y, s, size=12, anchor="start", weight="normal", cls=None):
    c = f' class="{cls}"' if cls else ""
    el(f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}"{c}>{s}</text>')


def box(x, y, w, h, title, sub=None):
    el(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#fbfbf4" stroke="#000" stroke-width="1.5"/>')
    text(x + w / 2, y + 16, title, 13, "middle", "bold")
    if sub:
        text(x + w / 2, y + 30, sub, 10, "middle")


def wire(*pts, color="#000"):
    p = " ".join(f"{x},{y}" for x, y in pts)
    el(f'<polyline points="{p}" fill="none" stroke="{color}" stroke-width="1.2"/>')


def label(x, y, name, anchor="start"):
    text(x, y + 4, name, 11, anchor, "bold", "net")


def pin(x, y, name, net, side, length=40):
    """A part's pin: a stub from the box edge, the pin name inside the box, the net label at the stub's end."""
    if side == "L":
        wire((x, y), (x - length, y))
        text(x + 4, y + 4, name, 10)
        label(x - length - 3, y, net, "end")
    else:
        wire((x, y), (x + length, y))
        text(x - 4, y + 4, name, 10, "end")
        label(x + length + 3, y, net)


def esp32(x, y):
    w, h = 200, 420
    box(x, y, w, h, "ESP32-WROOM-32", "(nanoFramework ESP32_REV0)")
    rows = {"L": 0, "R": 0}
    for signal, gpio, net, side in ESP32_PINS:
        py = y + 55 + rows[side] * 24
        rows[side] += 1
        px = x if side == "L" else x + w
        el(f'<g class="esp32-pin" data-gpio="{gpio}" data-signal="{signal}">')
        pin(px, py, f"GPIO{gpio}", net, side, 60)
        el("</g>")
    pin(x + w, y + 300, "3V3", "+3V3", "R")
    pin(x + w, y + 324, "EN", "EN_RC", "R")
    pin(x + w, y + 348, "GND", "GND", "R")
    pin(x + w, y + 372, "TXD0/RXD0", "FLASH", "R")
    text(x + w / 2, y + h + 16, "EN_RC: 10k to 3V3, 1 uF to GND; FLASH: USB-UART, never on mains", 9, "middle")


def main():
    W, H = 1560, 1080
    el(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif">')
    el(f'<rect width="{W}" height="{H}" fill="#fff"/>')
    text(20, 30, "Ws52x DIY smart socket - schematic (drawn from firmware/Ws52x.Esp32/PinMap.cs)", 18, weight="bold")
    text(20, 50, "DANGER: every part below is at mains potential while the socket is plugged in (hardware/safety.md). "
                 "Nets join by name.", 12, weight="bold")

    # Mains, fuse, surge, relay contact, outlet.
    box(20, 80, 140, 150, "MAINS IN", "230 V AC plug")
    pin(160, 120, "L", "L_IN", "R", 30)
    pin(160, 160, "N", "N_IN", "R", 30)
    pin(160, 200, "PE", "PE", "R", 30)
    box(320, 80, 210, 60, "F1 16 A T, 250 V AC", "ceramic 6.3x32, in live")
    pin(320, 115, "", "L_IN", "L", 30)
    pin(530, 115, "", "L_F", "R", 30)
    box(320, 160, 210, 60, "RV1 MOV 275 V AC", "S14K275: L_F to N_IN")
    box(700, 80, 250, 80, "K1 relay contact (NO)", "16 A 250 V AC (HF115F/005-1HS3)")
    pin(700, 120, "COM", "L_F", "L", 30)
    pin(950, 120, "NO", "L_OUT", "R", 30)
    box(1100, 80, 170, 100, "OUTLET", "type F, 16 A")
    pin(1100, 110, "L", "L_OUT", "L", 30)
    pin(1100, 140, "N", "N_LOAD", "L", 30)
    pin(1100, 170, "PE", "PE", "L", 30)

    # Metering front end.
    box(320, 250, 260, 80, "R_SH 1 mOhm 1 % >= 3 W", "manganin, in the neutral")
    text(450, 300, "SHUNT+ = N_LOAD, SHUNT- = N_IN", 10, "middle")
    text(450, 316, "each via 1 kOhm + 33 nF to GND (filter)", 10, "middle")
    box(320, 350, 260, 80, "R1-R5 5 x 470 kOhm, R6 1 kOhm", "L_F - 2.35 MOhm - VDIV - 1 kOhm - GND")
    text(450, 416, "1206 or larger, >= 200 V each", 10, "middle")
    box(760, 230, 220, 200, "U3 HLW8012 / BL0937", "energy metering")
    pin(760, 280, "V1P", "SHUNT+", "L", 30)
    pin(760, 310, "V1N", "SHUNT-", "L", 30)
    pin(760, 340, "V2P", "VDIV", "L", 30)
    pin(760, 370, "VDD", "VDD_M", "L", 30)
    pin(760, 400, "GND", "GND", "L", 30)
    pin(980, 280, "CF", "CF_M", "R", 30)
    pin(980, 310, "CF1", "CF1_M", "R", 30)
    pin(980, 340, "SEL", "SEL_M", "R", 30)
    text(870, 422, "GND = SHUNT- = N_IN", 10, "middle")
    box(1100, 230, 370, 130, "Levels between U3 and the ESP32", "")
    text(1285, 270, "BL0937 (VDD_M = +3V3): CF_M = CF, CF1_M = CF1, SEL_M = SEL", 10, "middle")
    text(1285, 292, "HLW8012 (VDD_M = +5V): CF_M - 10k - CF - 20k - GND,", 10, "middle")
    text(1285, 308, "same for CF1; SEL via NPN with 10k pull-up to +5V", 10, "middle")
    text(1285, 324, "(that inverts SEL: set MeteringBoard.Sel)", 10, "middle")

    # Supply, hold-up, power-fail.
    box(120, 480, 230, 110, "PS1 HLK-PM05", "230 V AC -> 5 V, 0.6 A")
    pin(120, 520, "AC L", "L_F", "L", 30)
    pin(120, 550, "AC N", "N_IN", "L", 30)
    text(235, 580, "F2 T500 mA in its L lead", 10, "middle")
    pin(350, 520, "+Vo", "5V_RAW", "R", 30)
    pin(350, 560, "-Vo", "GND", "R", 30)
    box(500, 470, 240, 120, "Hold-up", "D1 SS34: 5V_RAW -> +5V")
    text(620, 530, "C1, C2 4700 uF 10 V low-ESR on +5V", 10, "middle")
    text(620, 546, "about 60 ms at 230 mA (relay on) with a", 10, "middle")
    text(620, 562, "low-dropout 3.3 V regulator", 10, "middle")
    box(500, 610, 240, 100, "Power-fail detector", "5V_RAW - 10k - PFAIL - 20k - GND")
    text(620, 668, "PFAIL 3.3 V while mains is there,", 10, "middle")
    text(620, 684, "low within ms of a loss", 10, "middle")
    box(120, 620, 230, 90, "U2 3.3 V LDO", "ME6211C33 / AP2112K-3.3")
    pin(120, 670, "IN", "+5V", "L", 30)
    pin(350, 670, "OUT", "+3V3", "R", 30)
    text(235, 700, "10 uF + 100 nF on IN and OUT", 10, "middle")

    # Relay driver, LED, button.
    box(20, 760, 300, 130, "K1 coil driver", "Q1 NPN (BC817 / S8050)")
    text(170, 815, "RELAY - 1 kOhm - base; 10 kOhm base to GND", 10, "middle")
    text(170, 831, "+5V -> K1 coil -> collector; emitter GND", 10, "middle")
    text(170, 847, "D2 1N4148 across the coil (cathode to +5V)", 10, "middle")
    text(170, 863, "coil 5 V, about 80 mA", 10, "middle")
    box(340, 760, 220, 130, "Button, LED", "")
    text(450, 810, "BTN - SW1 - GND;", 10, "middle")
    text(450, 826, "10 kOhm to +3V3, 100 nF to GND", 10, "middle")
    text(450, 852, "LED - 330 Ohm - LED1 - GND", 10, "middle")

    box(720, 760, 300, 150, "U4 RFM95W / RFM96W", "SX1276 / SX1278, 3.3 V only")
    for i, (name, net) in enumerate([("SCK", "SCK"), ("MISO", "MISO"), ("MOSI", "MOSI"), ("NSS", "NSS")]):
        pin(1020, 810 + i * 22, name, net, "R", 30)
    for i, (name, net) in enumerate([("RESET", "RFM_RST"), ("DIO0", "DIO0"), ("DIO1", "DIO1"), ("3.3V", "+3V3")]):
        pin(720, 810 + i * 22, name, net, "L", 30)
    text(870, 900, "ANT: 50 Ohm, 8.2 cm wire at 868 MHz", 10, "middle")
    box(720, 950, 340, 80, "J2 console (optional)", "3.3 V UART 115200 8N1")
    text(890, 1010, "never while on mains unless isolated (safety.md)", 10, "middle")
    pin(720, 985, "RX", "CON_TX", "L", 30)
    pin(720, 1010, "TX", "CON_RX", "L", 30)

    esp32(1230, 430)
    el("</svg>")


if __name__ == "__main__":
    main()
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ws52x-diy.svg")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("wrote " + path)
