<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>app</name>
    <message>
        <location filename="../../app/__main__.py" line="79"/>
        <source>cannot open {path}: {reason}</source>
        <translation>{path}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="87"/>
        <source>cannot load preset {name}: {reason}</source>
        <translation>프리셋 {name}을(를) 불러올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="219"/>
        <location filename="../../app/shell/files.py" line="124"/>
        <source>Cannot open the session</source>
        <translation>세션을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="220"/>
        <source>{problem}
The default preset is open instead.</source>
        <translation>{problem}
대신 기본 프리셋을 열었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="226"/>
        <source>Some panes could not be built</source>
        <translation>일부 패널을 만들 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="227"/>
        <source>These panes are missing from the window:
{panes}
Reinstalling Backprop Tutor may fix this.</source>
        <translation>다음 패널이 창에 없습니다:
{panes}
Backprop Tutor를 다시 설치하면 해결될 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="30"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="41"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="42"/>
        <source>Save the changes to {name}?</source>
        <translation>{name}의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="42"/>
        <source>this session</source>
        <translation>이 세션</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="43"/>
        <source>Your training progress and edits are lost if you don&apos;t save them.</source>
        <translation>저장하지 않으면 학습 진행 상황과 편집 내용이 사라집니다.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="47"/>
        <source>&amp;Discard</source>
        <translation>저장 안 함(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="51"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="56"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="65"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="67"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="67"/>
        <source>Shortcut</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="67"/>
        <source>What it does</source>
        <translation>하는 일</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="56"/>
        <source>Start loss</source>
        <translation>시작 손실</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="56"/>
        <source>Update / weight</source>
        <translation>업데이트 / 가중치</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="57"/>
        <source>Saturated units</source>
        <translation>포화된 유닛</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="57"/>
        <source>Dead units</source>
        <translation>죽은 유닛</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="58"/>
        <source>Test loss</source>
        <translation>테스트 손실</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="62"/>
        <location filename="../../app/engine_wording.py" line="72"/>
        <location filename="../../app/views/practice/wording.py" line="50"/>
        <source>ok</source>
        <translation>정상</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="62"/>
        <source>warning</source>
        <translation>주의</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="62"/>
        <source>bad</source>
        <translation>나쁨</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="72"/>
        <source>suspect</source>
        <translation>의심</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="72"/>
        <location filename="../../app/views/practice/wording.py" line="55"/>
        <source>wrong</source>
        <translation>틀림</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="83"/>
        <source>must be a number, not {value}</source>
        <translation>숫자여야 합니다 ({value}은(는) 숫자가 아닙니다)</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="85"/>
        <source>must be a whole number, not {value}</source>
        <translation>정수여야 합니다 ({value}은(는) 정수가 아닙니다)</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="87"/>
        <source>must be a finite number, not {value}</source>
        <translation>유한한 숫자여야 합니다 ({value}은(는) 유한하지 않습니다)</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="89"/>
        <source>{value} is out of range; use {low} to {high}</source>
        <translation>{value}은(는) 범위를 벗어납니다. {low}부터 {high}까지 쓰세요</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="91"/>
        <source>learning rate {value} must be greater than 0 and at most {high} (try 0.1)</source>
        <translation>학습률 {value}: 0보다 크고 {high} 이하여야 합니다 (0.1을 써 보세요)</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="94"/>
        <source>momentum {value} must be at least 0 and below 1 (try 0.9)</source>
        <translation>모멘텀 {value}: 0 이상 1 미만이어야 합니다 (0.9를 써 보세요)</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="96"/>
        <source>L2 strength {value} must be 0 or more</source>
        <translation>L2 강도 {value}: 0 이상이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="98"/>
        <source>uniform(a, b) needs a &lt; b, got a={a}, b={b}</source>
        <translation>uniform(a, b)에는 a &lt; b가 필요합니다 (지금은 a={a}, b={b})</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="100"/>
        <source>the data has {n} features, so use {n} inputs</source>
        <translation>데이터의 특성이 {n}개이므로 입력도 {n}개로 하세요</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="102"/>
        <source>the data has {n} target column(s); use {n} outputs</source>
        <translation>데이터의 목표 열이 {n}개이므로 출력도 {n}개로 하세요</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="104"/>
        <source>a softmax output needs at least 2 units (one per class)</source>
        <translation>softmax 출력에는 유닛이 2개 이상 필요합니다 (클래스마다 하나)</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="106"/>
        <source>two classes with softmax need 2 output units</source>
        <translation>클래스 2개를 softmax로 분류하려면 출력 유닛이 2개 필요합니다</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="108"/>
        <source>regression targets need MSE with a linear (or sigmoid) output</source>
        <translation>회귀 목표에는 MSE와 linear(또는 sigmoid) 출력이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="110"/>
        <source>binary cross-entropy needs a sigmoid output, not {output}; use a sigmoid output, or softmax cross-entropy with a softmax output</source>
        <translation>이진 교차 엔트로피에는 {output} 출력이 아니라 sigmoid 출력이 필요합니다. sigmoid 출력을 쓰거나, softmax 출력에 softmax 교차 엔트로피를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="113"/>
        <source>softmax cross-entropy needs a softmax output, not {output}; use a softmax output, or binary cross-entropy with a sigmoid output</source>
        <translation>softmax 교차 엔트로피에는 {output} 출력이 아니라 softmax 출력이 필요합니다. softmax 출력을 쓰거나, sigmoid 출력에 이진 교차 엔트로피를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="116"/>
        <source>a softmax output goes with softmax cross-entropy, not {loss}; use softmax cross-entropy, or a linear output with MSE</source>
        <translation>softmax 출력은 softmax 교차 엔트로피와 함께 씁니다 (지금 손실: {loss}). softmax 교차 엔트로피를 쓰거나, linear 출력에 MSE를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="119"/>
        <source>{n} hidden layers; use 0 to {high}</source>
        <translation>은닉층 {n}개: 0개부터 {high}개까지 쓰세요</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="125"/>
        <location filename="../../app/views/topology_layers.py" line="24"/>
        <source>binary cross-entropy</source>
        <translation>이진 교차 엔트로피</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="126"/>
        <location filename="../../app/views/topology_layers.py" line="24"/>
        <source>softmax cross-entropy</source>
        <translation>softmax 교차 엔트로피</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="126"/>
        <location filename="../../app/views/topology_layers.py" line="25"/>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="147"/>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="153"/>
        <source>The notebook&apos;s XOR</source>
        <translation>노트북의 XOR</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="154"/>
        <source>XOR that learns</source>
        <translation>학습되는 XOR</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="155"/>
        <source>Circle</source>
        <translation>원</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="156"/>
        <source>Two moons</source>
        <translation>두 개의 반달</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="157"/>
        <source>Three-arm spiral</source>
        <translation>세 갈래 나선</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="158"/>
        <source>Sine regression</source>
        <translation>사인 회귀</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="159"/>
        <source>Handwritten digits (8×8)</source>
        <translation>손글씨 숫자 (8×8)</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="168"/>
        <source>2→2 sigmoid→1 sigmoid, BCE, lr 0.01, 10000 epochs, the notebook&apos;s own starting weights</source>
        <translation>2→2 sigmoid→1 sigmoid, BCE, lr 0.01, 10000 에포크, 노트북의 시작 가중치 그대로</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="170"/>
        <source>2→4 tanh→1 sigmoid, Xavier start, lr 0.5: solves XOR within 1000 epochs</source>
        <translation>2→4 tanh→1 sigmoid, Xavier 초기화, lr 0.5: 1000 에포크 안에 XOR을 풉니다</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="171"/>
        <source>200 points, class 1 inside radius 0.5: 2→8 tanh→1 sigmoid, lr 0.5</source>
        <translation>점 200개, 반지름 0.5 안쪽이 클래스 1: 2→8 tanh→1 sigmoid, lr 0.5</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="172"/>
        <source>200 points on two interleaving half-moons: 2→8 tanh→1 sigmoid, lr 0.5</source>
        <translation>서로 맞물린 두 반달 위의 점 200개: 2→8 tanh→1 sigmoid, lr 0.5</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="173"/>
        <source>300 points, 3 classes: 2→32→32 ReLU→3 softmax, He start, lr 1</source>
        <translation>점 300개, 클래스 3개: 2→32→32 ReLU→3 softmax, He 초기화, lr 1</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="174"/>
        <source>y = sin(x) + noise, 100 points: 1→16 tanh→1 linear, MSE, lr 0.1</source>
        <translation>y = sin(x) + 잡음, 점 100개: 1→16 tanh→1 linear, MSE, lr 0.1</translation>
    </message>
    <message>
        <location filename="../../app/engine_wording.py" line="175"/>
        <source>1797 real 8×8 images of 0–9, 64 inputs: 64→32 tanh→10 softmax, Xavier start, lr 0.5, 200 epochs</source>
        <translation>0–9의 실제 8×8 이미지 1797개, 입력 64개: 64→32 tanh→10 softmax, Xavier 초기화, lr 0.5, 200 에포크</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="21"/>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="22"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="23"/>
        <location filename="../../app/views/topology_layers.py" line="102"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="24"/>
        <location filename="../../app/views/boundary_plot.py" line="238"/>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="25"/>
        <source>Operations</source>
        <translation>연산 목록</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="26"/>
        <source>Matrix inspector</source>
        <translation>행렬 인스펙터</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="27"/>
        <source>Training, live</source>
        <translation>학습, 실시간</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="28"/>
        <source>Network diagram</source>
        <translation>네트워크 도식</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="29"/>
        <source>Gradient check</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="30"/>
        <location filename="../../app/views/inspector/health_pane.py" line="38"/>
        <source>Training health</source>
        <translation>학습 상태</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="31"/>
        <location filename="../../app/shell/modes.py" line="43"/>
        <source>Practice</source>
        <translation>연습</translation>
    </message>
    <message>
        <location filename="../../app/panes.py" line="64"/>
        <source>This pane could not be built:
{error}</source>
        <translation>이 창을 만들 수 없습니다:
{error}</translation>
    </message>
    <message>
        <location filename="../../app/startup.py" line="39"/>
        <location filename="../../app/shell/menus.py" line="18"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/startup.py" line="39"/>
        <location filename="../../app/shell/menus.py" line="18"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/startup.py" line="39"/>
        <location filename="../../app/shell/menus.py" line="18"/>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/startup.py" line="39"/>
        <location filename="../../app/shell/menus.py" line="18"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/startup.py" line="39"/>
        <location filename="../../app/shell/menus.py" line="19"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/startup.py" line="42"/>
        <location filename="../../app/startup.py" line="49"/>
        <source>Loading the network…</source>
        <translation>네트워크를 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/startup.py" line="56"/>
        <location filename="../../app/shell/stepping_bar.py" line="83"/>
        <source>Stepping</source>
        <translation>진행</translation>
    </message>
    <message>
        <location filename="../../app/theme_menu.py" line="20"/>
        <source>&amp;System</source>
        <translation>시스템 설정 따르기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/theme_menu.py" line="20"/>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/theme_menu.py" line="20"/>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/theme_menu.py" line="31"/>
        <location filename="../../app/theme_menu.py" line="48"/>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/models/matrix_model.py" line="44"/>
        <source>Type a number, for example 0.5 or 1e-3.</source>
        <translation>숫자를 입력하세요. 예: 0.5, 1e-3</translation>
    </message>
    <message>
        <location filename="../../app/models/matrix_model.py" line="48"/>
        <source>“{text}” is not a number; type one like 0.5, -2 or 1e-3.</source>
        <translation>“{text}”은(는) 숫자가 아닙니다. 0.5, -2, 1e-3 같은 숫자를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/models/matrix_model.py" line="50"/>
        <source>NaN is not allowed: a weight must be a finite number.</source>
        <translation>NaN은 쓸 수 없습니다: 가중치는 유한한 숫자여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../app/models/matrix_model.py" line="52"/>
        <source>Infinity is not allowed: a weight must be a finite number (the value is too large).</source>
        <translation>무한대는 쓸 수 없습니다: 가중치는 유한한 숫자여야 합니다 (값이 너무 큽니다).</translation>
    </message>
    <message>
        <location filename="../../app/models/matrix_model.py" line="244"/>
        <source>{value} is too large for this tensor&apos;s number type.</source>
        <translation>{value}은(는) 이 텐서의 숫자 형식에 비해 너무 큽니다.</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="68"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="68"/>
        <source>Open a session file</source>
        <translation>세션 파일을 엽니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="69"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="69"/>
        <source>Save the session</source>
        <translation>세션을 저장합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="70"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="70"/>
        <source>Save the session under a new name</source>
        <translation>세션을 새 이름으로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="71"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="71"/>
        <source>Close the window</source>
        <translation>창을 닫습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="72"/>
        <location filename="../../app/shell/main_window.py" line="189"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="72"/>
        <source>Undo the last edit</source>
        <translation>마지막 편집을 취소합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="73"/>
        <location filename="../../app/shell/main_window.py" line="191"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="73"/>
        <source>Redo the edit</source>
        <translation>취소한 편집을 다시 합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="74"/>
        <source>Step &amp;epoch</source>
        <translation>에포크 진행(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="74"/>
        <source>Run one whole epoch: forward, backward and update</source>
        <translation>에포크 하나를 통째로 실행합니다: 순전파, 역전파, 업데이트</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="75"/>
        <source>&amp;Next operation</source>
        <translation>다음 연산(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="75"/>
        <source>Go to the next operation of this epoch</source>
        <translation>이번 에포크의 다음 연산으로 갑니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="76"/>
        <source>&amp;Previous operation</source>
        <translation>이전 연산(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="77"/>
        <source>Go back one operation (inside an epoch the parameters are those before it)</source>
        <translation>연산 하나 뒤로 갑니다 (에포크 도중의 매개변수는 그 에포크 이전의 값입니다)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="78"/>
        <source>Step &amp;back an epoch</source>
        <translation>에포크 되돌리기(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="78"/>
        <source>Undo the last epoch: its parameters come back exactly</source>
        <translation>마지막 에포크를 되돌립니다: 그 전의 매개변수가 정확히 복원됩니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="79"/>
        <location filename="../../app/shell/actions.py" line="168"/>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="79"/>
        <location filename="../../app/shell/actions.py" line="171"/>
        <source>Train until you pause</source>
        <translation>일시정지할 때까지 학습합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="80"/>
        <source>Run &amp;to epoch</source>
        <translation>지정 에포크까지 실행(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="80"/>
        <source>Train until the epoch in the box</source>
        <translation>상자에 적힌 에포크까지 학습합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="81"/>
        <source>Re&amp;set</source>
        <translation>초기화(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="81"/>
        <source>Back to the starting parameters at epoch 0 (undoable)</source>
        <translation>에포크 0의 시작 매개변수로 돌아갑니다 (실행 취소 가능)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="82"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="82"/>
        <source>List the keyboard shortcuts</source>
        <translation>단축키 목록을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="83"/>
        <source>&amp;About Backprop Tutor</source>
        <translation>Backprop Tutor 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="83"/>
        <source>About this program</source>
        <translation>이 프로그램에 대하여</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="163"/>
        <source>&amp;Pause</source>
        <translation>일시정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="166"/>
        <source>Stop training after the current epoch</source>
        <translation>지금 에포크가 끝나면 학습을 멈춥니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/actions.py" line="181"/>
        <source>Run / Pause</source>
        <translation>실행 / 일시정지</translation>
    </message>
    <message>
        <location filename="../../app/shell/banner.py" line="17"/>
        <source>forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <location filename="../../app/shell/banner.py" line="17"/>
        <source>backward</source>
        <translation>역전파</translation>
    </message>
    <message>
        <location filename="../../app/shell/banner.py" line="17"/>
        <location filename="../../app/views/inspector/plan.py" line="125"/>
        <source>update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <location filename="../../app/shell/banner.py" line="43"/>
        <location filename="../../app/shell/retranslate.py" line="29"/>
        <location filename="../../app/shell/welcome.py" line="69"/>
        <source>Hide this message</source>
        <translation>이 메시지 숨기기</translation>
    </message>
    <message>
        <location filename="../../app/shell/banner.py" line="59"/>
        <source>Training diverged in epoch {epoch} at {step} ({phase})</source>
        <translation>에포크 {epoch}의 {step} ({phase})에서 학습이 발산했습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/banner.py" line="63"/>
        <source>Roll back to epoch {k}</source>
        <translation>에포크 {k}(으)로 되돌리기</translation>
    </message>
    <message>
        <location filename="../../app/shell/banner.py" line="64"/>
        <source>Restore the parameters after epoch {k}, the last finite state</source>
        <translation>마지막으로 유한했던 상태인 에포크 {k} 직후의 매개변수를 복원합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/batch_actions.py" line="21"/>
        <source>Step &amp;batch</source>
        <translation>배치 진행(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/shell/batch_actions.py" line="21"/>
        <source>Run one mini-batch step: forward, backward and update on the batch&apos;s rows</source>
        <translation>미니배치 한 스텝 실행: 배치의 행들로 순전파, 역전파, 업데이트</translation>
    </message>
    <message>
        <location filename="../../app/shell/batch_actions.py" line="47"/>
        <source>Batches of {k}</source>
        <translation>{k}개씩 배치</translation>
    </message>
    <message>
        <location filename="../../app/shell/batch_actions.py" line="50"/>
        <source>Batch {j} of {S} · {n} rows</source>
        <translation>배치 {j}/{S} · {n}행</translation>
    </message>
    <message>
        <location filename="../../app/shell/batch_actions.py" line="51"/>
        <source>Next: batch {j} of {S}</source>
        <translation>다음: 배치 {j}/{S}</translation>
    </message>
    <message>
        <location filename="../../app/shell/batch_actions.py" line="59"/>
        <source>Rows of X in this batch (the squares on the decision boundary): {rows}</source>
        <translation>이 배치에 든 X의 행 (결정 경계의 네모): {rows}</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="34"/>
        <location filename="../../app/shell/files.py" line="60"/>
        <source>&amp;New from preset</source>
        <translation>프리셋으로 새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="43"/>
        <location filename="../../app/shell/files.py" line="66"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="47"/>
        <location filename="../../app/shell/files.py" line="68"/>
        <source>&amp;Export plot as PNG</source>
        <translation>그래프를 PNG로 내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="52"/>
        <location filename="../../app/shell/files.py" line="71"/>
        <source>{title} plot…</source>
        <translation>{title} 그래프…</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="79"/>
        <location filename="../../app/shell/main_window.py" line="170"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="99"/>
        <source>Cannot load the preset</source>
        <translation>프리셋을 불러올 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="110"/>
        <source>Open session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="125"/>
        <source>{path} could not be opened:
{reason}</source>
        <translation>{path}을(를) 열 수 없습니다:
{reason}</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="131"/>
        <source>Opened {name}</source>
        <translation>{name}을(를) 열었습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="145"/>
        <source>Save session as</source>
        <translation>다른 이름으로 세션 저장</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="162"/>
        <source>Cannot save the session</source>
        <translation>세션을 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="166"/>
        <location filename="../../app/views/export_dialog.py" line="209"/>
        <source>Saved {name}</source>
        <translation>{name}을(를) 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="186"/>
        <source>Clear the list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="188"/>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="199"/>
        <source>Export plot as PNG</source>
        <translation>그래프를 PNG로 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="200"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="213"/>
        <source>nothing was written</source>
        <translation>아무것도 기록되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="215"/>
        <source>Cannot export the plot</source>
        <translation>그래프를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="217"/>
        <source>Exported {name}</source>
        <translation>{name}을(를) 내보냈습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/files.py" line="225"/>
        <source>Backprop Tutor session (*.json);;All files (*)</source>
        <translation>Backprop Tutor 세션 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../app/shell/language.py" line="28"/>
        <location filename="../../app/shell/language.py" line="53"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="107"/>
        <source>Step through one epoch&apos;s operations in the matrix inspector</source>
        <translation>행렬 검사기에서 한 에포크의 연산을 하나씩 따라갑니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="108"/>
        <source>Train and watch the parameters, the boundary and the loss live</source>
        <translation>학습하며 매개변수, 경계, 손실을 실시간으로 봅니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="109"/>
        <source>Write the backward pass yourself and check it</source>
        <translation>역전파를 직접 작성하고 검사합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="110"/>
        <source>The guided lesson beside the pane it talks about</source>
        <translation>안내 레슨을, 레슨이 가리키는 창 옆에 띄웁니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="188"/>
        <source>&amp;Undo {what}</source>
        <translation>{what} 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="190"/>
        <source>&amp;Redo {what}</source>
        <translation>{what} 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="209"/>
        <source>Training stopped</source>
        <translation>학습이 멈췄습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="214"/>
        <source>Rolled back to epoch {epoch}</source>
        <translation>에포크 {epoch}(으)로 되돌렸습니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="261"/>
        <source>About Backprop Tutor</source>
        <translation>Backprop Tutor 정보</translation>
    </message>
    <message>
        <location filename="../../app/shell/main_window.py" line="261"/>
        <source>&lt;h3&gt;Backprop Tutor&lt;/h3&gt;&lt;p&gt;Learn backpropagation by stepping through the matrices of the chain rule: every forward, backward and update operation of your network, with its shapes and transposes, computed exactly by hand with torch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Backprop Tutor&lt;/h3&gt;&lt;p&gt;연쇄 법칙의 행렬을 한 단계씩 따라가며 역전파를 배웁니다: 네트워크의 순전파, 역전파, 업데이트 연산 하나하나를 모양과 전치까지 보여 주며, torch로 손수 정확하게 계산합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/shell/modes.py" line="37"/>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../app/shell/modes.py" line="41"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../app/shell/modes.py" line="44"/>
        <location filename="../../app/views/practice/lesson.py" line="175"/>
        <location filename="../../app/views/practice/lesson.py" line="317"/>
        <source>Lesson</source>
        <translation>레슨</translation>
    </message>
    <message>
        <location filename="../../app/shell/status.py" line="50"/>
        <source>epoch %v of %m</source>
        <translation>에포크 %v / %m</translation>
    </message>
    <message>
        <location filename="../../app/shell/status.py" line="56"/>
        <location filename="../../app/views/run_view.py" line="124"/>
        <source>Epoch {epoch}</source>
        <translation>에포크 {epoch}</translation>
    </message>
    <message>
        <location filename="../../app/shell/status.py" line="58"/>
        <location filename="../../app/views/inspector/timeline.py" line="191"/>
        <source>{epoch} (in progress)</source>
        <translation>{epoch} (진행 중)</translation>
    </message>
    <message>
        <location filename="../../app/shell/status.py" line="60"/>
        <source>Loss {loss}</source>
        <translation>손실 {loss}</translation>
    </message>
    <message>
        <location filename="../../app/shell/status.py" line="61"/>
        <source>Accuracy {acc}</source>
        <translation>정확도 {acc}</translation>
    </message>
    <message>
        <location filename="../../app/shell/status.py" line="64"/>
        <source>{rate} epochs/s</source>
        <translation>초당 {rate} 에포크</translation>
    </message>
    <message>
        <location filename="../../app/shell/stepping_bar.py" line="84"/>
        <source>Modes</source>
        <translation>모드</translation>
    </message>
    <message>
        <location filename="../../app/shell/stepping_bar.py" line="85"/>
        <source>The epoch Run to epoch stops at</source>
        <translation>“지정 에포크까지 실행”이 멈출 에포크</translation>
    </message>
    <message>
        <location filename="../../app/shell/stepping_bar.py" line="86"/>
        <source>Target epoch</source>
        <translation>목표 에포크</translation>
    </message>
    <message>
        <location filename="../../app/shell/stepping_bar.py" line="93"/>
        <source>Epoch {epoch} · training…</source>
        <translation>에포크 {epoch} · 학습 중…</translation>
    </message>
    <message>
        <location filename="../../app/shell/stepping_bar.py" line="97"/>
        <source>Epoch {epoch} · Next operation (F11) starts epoch {next}; Step epoch (F10) runs it whole</source>
        <translation>에포크 {epoch} · 다음 연산(F11)은 에포크 {next}을(를) 시작하고, 에포크 진행(F10)은 그 에포크를 한 번에 실행합니다</translation>
    </message>
    <message>
        <location filename="../../app/shell/stepping_bar.py" line="99"/>
        <source>Epoch {epoch} · {phase} · {title}</source>
        <translation>에포크 {epoch} · {phase} · {title}</translation>
    </message>
    <message>
        <location filename="../../app/shell/stepping_bar.py" line="102"/>
        <source>next: epoch {next} starts</source>
        <translation>다음: 에포크 {next} 시작</translation>
    </message>
    <message>
        <location filename="../../app/shell/stepping_bar.py" line="120"/>
        <source>Already at epoch {epoch}; choose a later epoch (or Step back)</source>
        <translation>이미 에포크 {epoch}입니다. 더 뒤의 에포크를 고르세요 (또는 에포크 되돌리기)</translation>
    </message>
    <message>
        <location filename="../../app/shell/welcome.py" line="60"/>
        <source>&lt;b&gt;Welcome!&lt;/b&gt; Start with the lesson, or: &lt;b&gt;F10&lt;/b&gt; epoch · &lt;b&gt;F11&lt;/b&gt; one operation · &lt;b&gt;Space&lt;/b&gt; run</source>
        <translation>&lt;b&gt;환영합니다!&lt;/b&gt; 레슨부터 시작하세요. 또는: &lt;b&gt;F10&lt;/b&gt; 에포크 · &lt;b&gt;F11&lt;/b&gt; 연산 하나 · &lt;b&gt;Space&lt;/b&gt; 실행</translation>
    </message>
    <message>
        <location filename="../../app/shell/welcome.py" line="62"/>
        <source>&lt;b&gt;Welcome to Backprop Tutor.&lt;/b&gt; New here? Start with the lesson: it runs the notebook&apos;s backward code with you, finds its mistakes and fixes them. Or try the three main actions: &lt;b&gt;Step epoch&lt;/b&gt; (F10) runs one forward pass, backward pass and update; &lt;b&gt;Next operation&lt;/b&gt; (F11) walks them one matrix operation at a time; &lt;b&gt;Run&lt;/b&gt; (Space) trains and shows the parameters moving.</source>
        <translation>&lt;b&gt;Backprop Tutor에 오신 것을 환영합니다.&lt;/b&gt; 처음이라면 레슨부터 시작하세요: 노트북의 역전파 코드를 함께 실행하고, 실수를 찾아 고칩니다. 아니면 세 가지 주요 동작을 해 보세요: &lt;b&gt;에포크 진행&lt;/b&gt;(F10)은 순전파, 역전파, 업데이트를 한 번 실행하고, &lt;b&gt;다음 연산&lt;/b&gt;(F11)은 그것을 행렬 연산 하나씩 따라가며, &lt;b&gt;실행&lt;/b&gt;(Space)은 학습하면서 매개변수가 움직이는 모습을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../app/shell/welcome.py" line="68"/>
        <source>Start the lesson</source>
        <translation>레슨 시작</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="70"/>
        <source>Edit {name}</source>
        <translation>{name} 편집</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="137"/>
        <source>Change data</source>
        <translation>데이터 변경</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="139"/>
        <location filename="../../app/views/topology_layers.py" line="79"/>
        <location filename="../../app/views/topology_layers.py" line="135"/>
        <source>Add hidden layer</source>
        <translation>은닉층 추가</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="139"/>
        <source>Remove hidden layer</source>
        <translation>은닉층 삭제</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="144"/>
        <source>Set units of hidden layer {k}</source>
        <translation>은닉층 {k}의 유닛 수 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="146"/>
        <source>Set activation of hidden layer {k}</source>
        <translation>은닉층 {k}의 활성화 함수 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="147"/>
        <source>Set output activation</source>
        <translation>출력 활성화 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="147"/>
        <source>Set loss</source>
        <translation>손실 함수 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="148"/>
        <source>Set learning rate</source>
        <translation>학습률 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="148"/>
        <source>Set momentum</source>
        <translation>모멘텀 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="149"/>
        <source>Set L2</source>
        <translation>L2 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="149"/>
        <source>Set optimizer</source>
        <translation>옵티마이저 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="149"/>
        <source>Set Adam&apos;s β1</source>
        <translation>Adam의 β1 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="150"/>
        <source>Set Adam&apos;s β2</source>
        <translation>Adam의 β2 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="150"/>
        <source>Set Adam&apos;s ε</source>
        <translation>Adam의 ε 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="151"/>
        <source>Change starting weights</source>
        <translation>시작 가중치 변경</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="152"/>
        <source>Set seed</source>
        <translation>시드 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="152"/>
        <source>Set epochs</source>
        <translation>에포크 수 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="153"/>
        <source>Set batch size</source>
        <translation>배치 크기 설정</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="156"/>
        <source>Change network</source>
        <translation>네트워크 변경</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="163"/>
        <source>missing; this network needs {names}</source>
        <translation>없습니다. 이 네트워크에는 {names}이(가) 필요합니다</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="166"/>
        <source>shape {got} does not match the network&apos;s {want}</source>
        <translation>모양 {got}이(가) 네트워크의 {want}와(과) 맞지 않습니다</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="175"/>
        <source>Add point</source>
        <translation>점 추가</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="188"/>
        <source>Remove point</source>
        <translation>점 삭제</translation>
    </message>
    <message>
        <location filename="../../app/state/commands.py" line="201"/>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location filename="../../app/state/session.py" line="142"/>
        <location filename="../../app/views/weights_editor.py" line="211"/>
        <source>Pause training before editing.</source>
        <translation>편집하기 전에 학습을 일시정지하세요.</translation>
    </message>
    <message>
        <location filename="../../app/state/session.py" line="194"/>
        <source>pause training before changing the network</source>
        <translation>네트워크를 바꾸기 전에 학습을 일시정지하세요</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_edit.py" line="23"/>
        <source>The class a click adds</source>
        <translation>클릭으로 추가할 점의 클래스</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_edit.py" line="24"/>
        <source>Click adds:</source>
        <translation>클릭하면 추가:</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_edit.py" line="25"/>
        <location filename="../../app/views/boundary_edit.py" line="55"/>
        <source>Shift-click removes the nearest point</source>
        <translation>Shift+클릭하면 가장 가까운 점을 지웁니다</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_edit.py" line="48"/>
        <source>class {name}</source>
        <translation>클래스 {name}</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_edit.py" line="54"/>
        <source>Click adds a point at (x, y) · Shift-click removes the nearest</source>
        <translation>클릭: (x, y)에 점 추가 · Shift+클릭: 가장 가까운 점 삭제</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_plot.py" line="110"/>
        <source>The network&apos;s output is not a number here: training diverged (see the loss plot). Roll back or lower the learning rate.</source>
        <translation>여기서는 네트워크의 출력이 숫자가 아닙니다: 학습이 발산했습니다 (손실 그래프를 보세요). 되돌리거나 학습률을 낮추세요.</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_plot.py" line="211"/>
        <source>The decision boundary is drawn for data with 2 inputs (or a 1-input regression); this data has {f} inputs.</source>
        <translation>결정 경계는 입력이 2개인 데이터(또는 입력이 1개인 회귀)에만 그립니다. 이 데이터의 입력은 {f}개입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_plot.py" line="219"/>
        <source>y: the network&apos;s fit over x, with the data</source>
        <translation>y: x에 따른 네트워크의 적합 곡선과 데이터</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_plot.py" line="235"/>
        <source>Fit</source>
        <translation>적합</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_plot.py" line="237"/>
        <source>Classification</source>
        <translation>분류 결과</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_points.py" line="118"/>
        <source>&lt;span style=&apos;color:{c}; font-size:large&apos;&gt;◯&lt;/span&gt; ringed in red: misclassified now ({n} of {total} points)</source>
        <translation>&lt;span style=&apos;color:{c}; font-size:large&apos;&gt;◯&lt;/span&gt; 빨간 원: 지금 잘못 분류된 점 (점 {total}개 중 {n}개)</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_points.py" line="122"/>
        <source>&lt;span style=&apos;font-size:large&apos;&gt;○&lt;/span&gt; hollow: test points, held out from training ({n} of {total}; {wrong} of them misclassified now)</source>
        <translation>&lt;span style=&apos;font-size:large&apos;&gt;○&lt;/span&gt; 속이 빈 점: 학습에서 뺀 테스트 점 (점 {total}개 중 {n}개, 그중 {wrong}개가 지금 잘못 분류됨)</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_points.py" line="126"/>
        <source>&lt;span style=&apos;font-size:large&apos;&gt;○&lt;/span&gt; hollow: test points, held out from training ({n} of {total})</source>
        <translation>&lt;span style=&apos;font-size:large&apos;&gt;○&lt;/span&gt; 속이 빈 점: 학습에서 뺀 테스트 점 (점 {total}개 중 {n}개)</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_units.py" line="37"/>
        <source>Which hidden layer&apos;s units the small maps show</source>
        <translation>작은 지도들이 보여 줄 은닉층의 유닛</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_units.py" line="42"/>
        <source>Hidden units:</source>
        <translation>은닉 유닛:</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_units.py" line="68"/>
        <source>a{k} ({n} units)</source>
        <translation>a{k} (유닛 {n}개)</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_units.py" line="111"/>
        <source>each map: a{k}[:, j] over the same grid ({act}); red low, blue high</source>
        <translation>각 지도: 같은 격자 위의 a{k}[:, j] ({act}); 빨강은 낮음, 파랑은 높음</translation>
    </message>
    <message>
        <location filename="../../app/views/boundary_units.py" line="112"/>
        <source> · first {m} of {n}</source>
        <translation> · {n}개 중 처음 {m}개</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="33"/>
        <location filename="../../app/views/export_dialog.py" line="188"/>
        <source>Export code</source>
        <translation>코드 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="36"/>
        <source>manual — the backward pass by hand, only torch</source>
        <translation>수동 — 역전파를 직접 작성, torch만 사용</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="37"/>
        <source>autograd — nn.Linear, loss.backward(), torch.optim.SGD</source>
        <translation>autograd — nn.Linear, loss.backward(), torch.optim.SGD</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="40"/>
        <source>Python script (.py)</source>
        <translation>Python 스크립트 (.py)</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="41"/>
        <source>Jupyter notebook (.ipynb)</source>
        <translation>Jupyter 노트북 (.ipynb)</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="50"/>
        <source>auto (epochs ÷ 20)</source>
        <translation>자동 (에포크 ÷ 20)</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="58"/>
        <source>Style:</source>
        <translation>방식:</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="59"/>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="60"/>
        <source>Epochs:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="61"/>
        <source>Log every:</source>
        <translation>출력 간격:</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="71"/>
        <source>Preview of the exported code</source>
        <translation>내보낼 코드 미리 보기</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="74"/>
        <source>&amp;Save…</source>
        <translation>저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="76"/>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="121"/>
        <source> (as last saved)</source>
        <translation> (마지막으로 저장한 상태)</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="127"/>
        <source>an unsaved session</source>
        <translation>저장하지 않은 세션</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="139"/>
        <source>Pause training to export: the export writes the network&apos;s current state.</source>
        <translation>내보내려면 학습을 일시정지하세요: 네트워크의 현재 상태를 내보냅니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="155"/>
        <source>Cannot export this state: {reason}</source>
        <translation>이 상태는 내보낼 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="163"/>
        <source>The backward pass is written by hand with the engine&apos;s own operations, so the script prints the same lines as `{command}`.</source>
        <translation>역전파를 엔진과 같은 연산으로 직접 작성하므로, 스크립트는 `{command}`와(과) 똑같은 줄을 출력합니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="165"/>
        <source>nn.Linear stores its weight as (out × in) and computes x @ weight.T: the script copies w1.T into layer1.weight. Its losses agree with the engine&apos;s to about 1e-6.</source>
        <translation>nn.Linear는 가중치를 (출력 × 입력)으로 저장하고 x @ weight.T를 계산합니다: 스크립트는 w1.T를 layer1.weight에 복사합니다. 손실은 엔진의 값과 약 1e-6까지 일치합니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="167"/>
        <source>From epoch {epoch} of {source}. </source>
        <translation>{source}의 에포크 {epoch}부터. </translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="186"/>
        <source>Python script (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="186"/>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 노트북 (*.ipynb)</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="188"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="204"/>
        <source>Cannot export the code</source>
        <translation>코드를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="205"/>
        <source>{path} could not be written:
{reason}</source>
        <translation>{path}에 쓸 수 없습니다:
{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/export_dialog.py" line="215"/>
        <source>Copied to the clipboard.</source>
        <translation>클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="75"/>
        <location filename="../../app/views/loss_plot.py" line="152"/>
        <location filename="../../app/views/inspector/plan.py" line="120"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="76"/>
        <location filename="../../app/views/loss_plot.py" line="184"/>
        <location filename="../../app/views/loss_plot.py" line="185"/>
        <location filename="../../app/views/practice/train_plot.py" line="47"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="79"/>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="86"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="117"/>
        <source>log y</source>
        <translation>로그 y</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="118"/>
        <source>Logarithmic loss axis: shows progress when the loss is already small</source>
        <translation>손실 축을 로그 눈금으로: 손실이 이미 작을 때도 진행이 보입니다</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="152"/>
        <location filename="../../app/views/practice/train_plot.py" line="46"/>
        <source>loss (log scale)</source>
        <translation>손실 (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="249"/>
        <source>epoch {e}</source>
        <translation>에포크 {e}</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="251"/>
        <source>loss {v}</source>
        <translation>손실 {v}</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="254"/>
        <source>accuracy {v}</source>
        <translation>정확도 {v}</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="257"/>
        <source>test loss {v}</source>
        <translation>테스트 손실 {v}</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_plot.py" line="259"/>
        <source>test accuracy {v}</source>
        <translation>테스트 정확도 {v}</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_steps.py" line="28"/>
        <source>per step</source>
        <translation>스텝별</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_steps.py" line="29"/>
        <source>With mini-batches: the loss of every step (its batch&apos;s), beside the loss of every epoch</source>
        <translation>미니배치일 때: 에포크마다의 손실 옆에 스텝마다의 (그 배치의) 손실</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_test.py" line="68"/>
        <source>test loss</source>
        <translation>테스트 손실</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_test.py" line="69"/>
        <source>training accuracy</source>
        <translation>학습 정확도</translation>
    </message>
    <message>
        <location filename="../../app/views/loss_test.py" line="70"/>
        <source>test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <location filename="../../app/views/optimizer_fields.py" line="18"/>
        <source>SGD (gradient descent)</source>
        <translation>SGD (경사 하강법)</translation>
    </message>
    <message>
        <location filename="../../app/views/optimizer_fields.py" line="18"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../app/views/optimizer_fields.py" line="36"/>
        <source>SGD moves every weight by lr × its gradient (with momentum if set); Adam gives every entry its own step size from running averages of the gradient (m) and of its square (v), as torch.optim.Adam</source>
        <translation>SGD는 모든 가중치를 lr × 기울기만큼 옮깁니다(모멘텀을 설정하면 모멘텀과 함께). Adam은 기울기의 이동 평균(m)과 기울기 제곱의 이동 평균(v)으로 항목마다 자기만의 스텝 크기를 씁니다. torch.optim.Adam과 같습니다</translation>
    </message>
    <message>
        <location filename="../../app/views/optimizer_fields.py" line="40"/>
        <source>Adam&apos;s decay of m, the running mean of the gradient (0.9 is usual); from 0 to below 1</source>
        <translation>기울기의 이동 평균 m에 대한 Adam의 감쇠율(보통 0.9). 0 이상 1 미만</translation>
    </message>
    <message>
        <location filename="../../app/views/optimizer_fields.py" line="42"/>
        <source>Adam&apos;s decay of v, the running mean of the squared gradient (0.999 is usual); from 0 to below 1</source>
        <translation>기울기 제곱의 이동 평균 v에 대한 Adam의 감쇠율(보통 0.999). 0 이상 1 미만</translation>
    </message>
    <message>
        <location filename="../../app/views/optimizer_fields.py" line="44"/>
        <source>Added to √v_hat so that no step divides by zero (1e-8 is usual)</source>
        <translation>어떤 스텝도 0으로 나누지 않도록 √v_hat에 더하는 값(보통 1e-8)</translation>
    </message>
    <message>
        <location filename="../../app/views/optimizer_fields.py" line="46"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../app/views/run_view.py" line="66"/>
        <source>Each parameter as a heat map (blue positive, red negative) and, beside it, how it changed since the last frame: the updates −lr·d_w of the epochs in between, so the colours show where the gradients push.</source>
        <translation>각 매개변수를 히트맵(파랑 양수, 빨강 음수)으로, 그 옆에는 지난 화면 이후의 변화를 보여 줍니다: 그사이 에포크들의 업데이트 −lr·d_w이므로, 색이 기울기가 미는 방향을 알려 줍니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/run_view.py" line="89"/>
        <source>change of {name}</source>
        <translation>{name}의 변화</translation>
    </message>
    <message>
        <location filename="../../app/views/run_view.py" line="126"/>
        <source>loss {loss}</source>
        <translation>손실 {loss}</translation>
    </message>
    <message>
        <location filename="../../app/views/run_view.py" line="128"/>
        <source>press Run (Space) to train and watch the parameters move</source>
        <translation>실행(Space)을 누르면 학습하며 매개변수가 움직이는 모습을 볼 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="24"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="24"/>
        <source>AND</source>
        <translation>AND</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="24"/>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="24"/>
        <source>circle</source>
        <translation>원</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="25"/>
        <source>two moons</source>
        <translation>두 개의 반달</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="25"/>
        <source>spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="25"/>
        <source>blobs</source>
        <translation>덩어리</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="26"/>
        <source>sine (regression)</source>
        <translation>사인 (회귀)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="31"/>
        <source>XOR of two bits: the notebook&apos;s 4 points (more points repeat them)</source>
        <translation>두 비트의 XOR: 노트북의 점 4개 (점을 늘리면 반복됩니다)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="32"/>
        <source>AND of two bits: 4 corner points, linearly separable</source>
        <translation>두 비트의 AND: 모서리 점 4개, 선형 분리 가능</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="33"/>
        <source>OR of two bits: 4 corner points, linearly separable</source>
        <translation>두 비트의 OR: 모서리 점 4개, 선형 분리 가능</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="34"/>
        <source>points in a disc of radius 1; class 1 inside radius 0.5</source>
        <translation>반지름 1인 원판 안의 점들; 반지름 0.5 안쪽이 클래스 1</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="35"/>
        <source>two interleaving half-moons</source>
        <translation>서로 맞물린 두 반달</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="36"/>
        <source>one spiral arm per class (noise jitters the angle)</source>
        <translation>클래스마다 나선 팔 하나 (잡음은 각도를 흔듭니다)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="37"/>
        <source>Gaussian blobs on a circle of radius 2, one per class</source>
        <translation>반지름 2인 원 위의 가우스 덩어리, 클래스마다 하나</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="38"/>
        <source>y = sin(x) + noise, x uniform in [-3, 3]</source>
        <translation>y = sin(x) + 잡음, x는 [-3, 3]에서 균등 분포</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="114"/>
        <source>Re-initialised every parameter ({names}) with Xavier (Glorot uniform) values, seed {seed}: none of the old shapes fits.</source>
        <translation>모든 파라미터({names})를 Xavier (Glorot 균등) 값(시드 {seed})으로 다시 초기화했습니다. 이전 모양이 하나도 맞지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="116"/>
        <source>Kept {kept}. Re-initialised {names} with Xavier (Glorot uniform) values, seed {seed}: their shapes changed.</source>
        <translation>{kept}은(는) 그대로 두었습니다. 모양이 바뀐 {names}은(는) Xavier (Glorot 균등) 값(시드 {seed})으로 다시 초기화했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="125"/>
        <source>Import CSV</source>
        <translation>CSV 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="126"/>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 파일 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="133"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="164"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="166"/>
        <source>The share of the points held out as a test set: the network never trains on them, and the loss pane shows its loss on them</source>
        <translation>테스트 세트로 떼어 둘 점의 비율: 네트워크는 이 점들로 학습하지 않으며, 손실 창에 이 점들에 대한 손실이 나옵니다</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="171"/>
        <source>Which points the test set holds (the same seed, the same points)</source>
        <translation>테스트 세트에 들어갈 점을 정합니다 (시드가 같으면 점도 같습니다)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="177"/>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="181"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="183"/>
        <source>Points</source>
        <translation>점 개수</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="184"/>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="185"/>
        <source>Data seed</source>
        <translation>데이터 시드</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="186"/>
        <source>Classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="189"/>
        <source>Test fraction</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="190"/>
        <source>Split seed</source>
        <translation>분할 시드</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="194"/>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="206"/>
        <source>{name}: {n} real images</source>
        <translation>{name}: 실제 이미지 {n}개</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="208"/>
        <source>a real data set (resources/data); pick a generator to leave it</source>
        <translation>실제 데이터 세트 (resources/data). 생성기를 고르면 바뀝니다</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="213"/>
        <source>CSV: {name}</source>
        <translation>CSV: {name}</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="215"/>
        <source>your points</source>
        <translation>직접 만든 점</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="218"/>
        <source>{n} points you added, removed or imported; pick a generator to start over</source>
        <translation>추가·삭제하거나 가져온 점 {n}개. 처음부터 하려면 생성기를 고르세요</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="235"/>
        <source>binary classes</source>
        <translation>이진 클래스</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="235"/>
        <source>{k} classes</source>
        <translation>클래스 {k}개</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="236"/>
        <source>regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="237"/>
        <source>{f} (from the data: {n} points, {task})</source>
        <translation>{f} (데이터에서 정해짐: 점 {n}개, {task})</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="248"/>
        <source>{train} points to train on; {test} held out for testing, drawn hollow on the decision boundary</source>
        <translation>학습에 쓰는 점 {train}개, 테스트용으로 떼어 둔 점 {test}개 (결정 경계에 속이 빈 점으로 표시)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="268"/>
        <source>Set test split</source>
        <translation>테스트 분할 설정</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_data.py" line="324"/>
        <source>{f} (from the data: {n} points)</source>
        <translation>{f} (데이터에서 정해짐: 점 {n}개)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="49"/>
        <source>Xavier (Glorot uniform)</source>
        <translation>Xavier (Glorot 균등)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="49"/>
        <source>He (normal)</source>
        <translation>He (정규)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="49"/>
        <source>uniform(a, b)</source>
        <translation>uniform(a, b)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="50"/>
        <source>constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="50"/>
        <source>explicit values</source>
        <translation>직접 지정한 값</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="57"/>
        <location filename="../../app/views/topology_form.py" line="156"/>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="141"/>
        <location filename="../../app/views/practice/results.py" line="88"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="143"/>
        <source>Step size of gradient descent; scientific notation works (1e-3)</source>
        <translation>경사 하강법의 보폭. 과학적 표기도 됩니다 (1e-3)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="144"/>
        <source>0 = plain gradient descent; 0.9 is common; must be below 1</source>
        <translation>0 = 일반 경사 하강법. 흔히 0.9. 1보다 작아야 합니다</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="145"/>
        <source>Weight decay strength: adds (l2/2)·Σ‖w‖² to the loss; 0 = off</source>
        <translation>가중치 감쇠 강도: 손실에 (l2/2)·Σ‖w‖²를 더합니다. 0 = 끔</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="146"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="149"/>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="152"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="154"/>
        <source>Rows per step: empty = the whole data set (one step per epoch); 1 = plain SGD; k = mini-batches of k rows, reshuffled every epoch from the seed</source>
        <translation>한 스텝에 쓰는 행 수: 비우면 데이터 전체(에포크당 한 스텝), 1 = 순수 SGD, k = k행짜리 미니배치(에포크마다 시드로 다시 섞음)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="157"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="162"/>
        <source>Starting weights</source>
        <translation>시작 가중치</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="168"/>
        <source>Lower end a of uniform(a, b)</source>
        <translation>uniform(a, b)의 아래 끝 a</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="169"/>
        <source>Upper end b of uniform(a, b)</source>
        <translation>uniform(a, b)의 위 끝 b</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="170"/>
        <source>Every weight and bias starts at this value</source>
        <translation>모든 가중치와 편향이 이 값에서 시작합니다</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="175"/>
        <location filename="../../app/views/topology_form.py" line="345"/>
        <source>Re-initialise</source>
        <translation>다시 초기화</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="176"/>
        <source>Start again from fresh starting weights (epoch 0)</source>
        <translation>새 시작 가중치로 처음부터 다시 (에포크 0)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="186"/>
        <source>Range</source>
        <translation>범위</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="187"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="188"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="191"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_form.py" line="215"/>
        <source>{n} (from the task)</source>
        <translation>{n} (과제에서 정해짐)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="19"/>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="19"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="19"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="19"/>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="20"/>
        <source>linear</source>
        <translation>linear (항등)</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="20"/>
        <location filename="../../app/views/inspector/plan.py" line="119"/>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="37"/>
        <source>Layer {k}</source>
        <translation>층 {k}</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="41"/>
        <source> units</source>
        <translation> 유닛</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="42"/>
        <location filename="../../app/views/weights_editor.py" line="64"/>
        <source>units of hidden layer {k}</source>
        <translation>은닉층 {k}의 유닛 수</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="49"/>
        <location filename="../../app/views/topology_layers.py" line="142"/>
        <source>Remove hidden layer {k}</source>
        <translation>은닉층 {k} 삭제</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="72"/>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="100"/>
        <source>Output activation</source>
        <translation>출력 활성화</translation>
    </message>
    <message>
        <location filename="../../app/views/topology_layers.py" line="101"/>
        <source>Output units</source>
        <translation>출력 유닛</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="45"/>
        <source>{name} {shape}: rows = {rows}, columns = {cols}</source>
        <translation>{name} {shape}: 행 = {rows}, 열 = {cols}</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="48"/>
        <source>one bias per output unit</source>
        <translation>출력 유닛마다 편향 하나</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="50"/>
        <source>one bias per hidden unit</source>
        <translation>은닉 유닛마다 편향 하나</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="52"/>
        <source>one bias per unit of hidden layer {k}</source>
        <translation>은닉층 {k}의 유닛마다 편향 하나</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="53"/>
        <source>{name} {shape}: {what}</source>
        <translation>{name} {shape}: {what}</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="59"/>
        <source>inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="61"/>
        <source>output units</source>
        <translation>출력 유닛</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="63"/>
        <source>hidden units</source>
        <translation>은닉 유닛</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="79"/>
        <source>Show gradients</source>
        <translation>기울기 보기</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="81"/>
        <source>Show d_w and d_b beside each table once the backward pass computed them</source>
        <translation>역전파가 계산한 d_w와 d_b를 각 표 옆에 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="83"/>
        <source>Double-click a cell to type a new value (1e-3 works); Ctrl+Z undoes it.</source>
        <translation>셀을 두 번 클릭해 새 값을 입력하세요 (1e-3도 됩니다). Ctrl+Z로 되돌립니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="84"/>
        <source>Training: the values are refreshed twice a second, a little behind the status bar. Pause to edit them.</source>
        <translation>학습 중: 값은 1초에 두 번 새로 고쳐지며 상태 표시줄보다 조금 늦습니다. 편집하려면 일시 정지하세요.</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="224"/>
        <source>Edit {cell}</source>
        <translation>{cell} 편집</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="300"/>
        <source>d_{name}: not computed yet</source>
        <translation>d_{name}: 아직 계산되지 않음</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="301"/>
        <source>Step an epoch, or step past d_{name} in the backward pass, to see ∂loss/∂{name}</source>
        <translation>∂loss/∂{name}을(를) 보려면 에포크를 진행하거나, 역전파에서 d_{name}을(를) 지나갈 때까지 진행하세요</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="306"/>
        <source>d_{name} {shape}, epoch {epoch}</source>
        <translation>d_{name} {shape}, 에포크 {epoch}</translation>
    </message>
    <message>
        <location filename="../../app/views/weights_editor.py" line="308"/>
        <source>∂loss/∂{name}: the same shape as {name}</source>
        <translation>∂loss/∂{name}: {name}와(과) 같은 모양</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/confusion_view.py" line="75"/>
        <location filename="../../app/views/classify/confusion_view.py" line="155"/>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/confusion_view.py" line="80"/>
        <location filename="../../app/views/classify/confusion_view.py" line="153"/>
        <source>the network&apos;s answer</source>
        <translation>네트워크의 답</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/confusion_view.py" line="125"/>
        <source>true class {t}, the network&apos;s answer {q}: {n}</source>
        <translation>실제 클래스 {t}, 네트워크의 답 {q}: {n}개</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="62"/>
        <source>Count:</source>
        <translation>집계:</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="76"/>
        <source>Diagonal: right answers; every other cell: a mix-up.</source>
        <translation>대각선: 맞힌 답, 나머지 칸: 헷갈린 답.</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="80"/>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="90"/>
        <source>Misclassified</source>
        <translation>잘못 분류됨</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="94"/>
        <source>weights w1</source>
        <translation>가중치 w1</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="95"/>
        <source>gradient d_w1 (this epoch)</source>
        <translation>기울기 d_w1 (이번 에포크)</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="101"/>
        <source>Show:</source>
        <translation>보기:</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="110"/>
        <source>First-layer weights</source>
        <translation>첫 층 가중치</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="152"/>
        <source>Training accuracy {acc:.1f} %: {right} of {n} right, {wrong} misclassified.</source>
        <translation>훈련 정확도 {acc:.1f} %: {n}개 중 {right}개 맞음, {wrong}개 잘못 분류됨.</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="153"/>
        <source>After epoch {e}&apos;s update, training accuracy {acc:.1f} %: {right} of {n} right, {wrong} misclassified.</source>
        <translation>에포크 {e} 업데이트 후 훈련 정확도 {acc:.1f} %: {n}개 중 {right}개 맞음, {wrong}개 잘못 분류됨.</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="158"/>
        <source>Test accuracy {acc:.1f} %: {right} of {n} right, on rows it never trains on.</source>
        <translation>테스트 정확도 {acc:.1f} %: 학습에 쓰지 않는 행 {n}개 중 {right}개 맞음.</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="160"/>
        <source>rows never trained on</source>
        <translation>학습에 쓰지 않는 행</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="161"/>
        <source>the test rows are counted apart</source>
        <translation>테스트 행은 따로 셉니다</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="168"/>
        <source>Each image the network gets wrong, captioned true → answer ({shown} of {wrong} shown).</source>
        <translation>네트워크가 틀린 이미지, 캡션은 실제 → 답 ({wrong}개 중 {shown}개 표시).</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="169"/>
        <source>Every sample is classified right.</source>
        <translation>모든 샘플을 맞게 분류했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="172"/>
        <source>Misclassified rows of the data: {rows}</source>
        <translation>잘못 분류된 데이터 행: {rows}</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="201"/>
        <source>The status bar and the loss plot give epoch {e} before its update: {acc} %.</source>
        <translation>상태 표시줄과 손실 그래프에 나오는 에포크 {e}의 값은 업데이트 전의 것입니다: {acc} %.</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="203"/>
        <source>The status bar and the loss plot give epoch {e} before its update: {acc} % (test {test} %).</source>
        <translation>상태 표시줄과 손실 그래프에 나오는 에포크 {e}의 값은 업데이트 전의 것입니다: {acc} % (테스트 {test} %).</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="228"/>
        <source>training rows ({n})</source>
        <translation>훈련 행 ({n}개)</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="229"/>
        <source>test rows ({n})</source>
        <translation>테스트 행 ({n}개)</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="265"/>
        <source>The gradient is shown when training pauses.</source>
        <translation>기울기는 훈련을 일시 정지하면 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="269"/>
        <source>Column j of d_w1, drawn {s}×{s}: where the next update pushes unit j&apos;s weights (the update subtracts lr·d_w1, so red pixels will grow, blue ones shrink).</source>
        <translation>d_w1의 j번째 열을 {s}×{s}로 그린 것: 다음 업데이트가 유닛 j의 가중치를 미는 방향 (업데이트는 lr·d_w1을 빼므로 빨간 픽셀은 커지고 파란 픽셀은 작아집니다).</translation>
    </message>
    <message>
        <location filename="../../app/views/classify/panel.py" line="278"/>
        <source>Column j of w1, drawn {s}×{s}: the {n} weights hidden unit j gives the pixels. Blue pixels raise its input l1[:, j] where the image has ink, red ones lower it.</source>
        <translation>w1의 j번째 열을 {s}×{s}로 그린 것: 은닉 유닛 j가 픽셀에 주는 가중치 {n}개. 이미지에 잉크가 있는 곳에서 파란 픽셀은 입력 l1[:, j]를 올리고, 빨간 픽셀은 내립니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/adam_plan.py" line="31"/>
        <location filename="../../app/views/inspector/plan.py" line="330"/>
        <source>(new)</source>
        <translation>(새 값)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/adam_plan.py" line="32"/>
        <location filename="../../app/views/inspector/plan.py" line="332"/>
        <source>(old)</source>
        <translation>(이전 값)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/adam_plan.py" line="40"/>
        <source>entry by entry, no matmul: m_hat and v_hat have the shape of {p} {s}, so every entry of {p} gets a step of its own, about lr = {lr:g} in size</source>
        <translation>행렬곱 없이 항목별로: m_hat과 v_hat은 {p}와(과) 같은 모양 {s}이므로 {p}의 모든 항목이 자기만의 스텝을 받고, 그 크기는 대략 lr = {lr:g}입니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/adam_plan.py" line="56"/>
        <source>step t = {t}: m_hat = m / (1 − β1ᵗ) and v_hat = v / (1 − β2ᵗ); this entry moves by −{d}</source>
        <translation>스텝 t = {t}: m_hat = m / (1 − β1ᵗ), v_hat = v / (1 − β2ᵗ); 이 항목은 −{d}만큼 움직입니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/alternatives.py" line="104"/>
        <source>The other ways to multiply the same two matrices, and what they give:</source>
        <translation>같은 두 행렬을 곱하는 다른 방법과 그 결과:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="71"/>
        <source>Auto: gradients once the backward pass computes them</source>
        <translation>자동: 역전파가 계산하면 기울기</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="72"/>
        <source>Weights w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="73"/>
        <source>Gradients d_w</source>
        <translation>기울기 d_w</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="75"/>
        <source>Edges:</source>
        <translation>연결선:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="77"/>
        <source>Unit pictures</source>
        <translation>유닛 그림</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="79"/>
        <source>Draw each hidden and output unit as its activation over the input plane (for data with 2 inputs)</source>
        <translation>각 은닉 유닛과 출력 유닛을 입력 평면 위의 활성값 그림으로 그립니다 (입력이 2개인 데이터)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="297"/>
        <source>(a bias: added to unit {j}, not an edge)</source>
        <translation>(편향: 유닛 {j}에 더해지며 연결선이 아닙니다)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="326"/>
        <source>sample {n}: {v}</source>
        <translation>샘플 {n}: {v}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram.py" line="327"/>
        <source>sample {n} (row {row}): {v}</source>
        <translation>샘플 {n} ({row}행): {v}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="22"/>
        <source>gradients d_w (how the loss changes with each weight)</source>
        <translation>기울기 d_w (가중치마다 손실이 얼마나 변하는지)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="22"/>
        <source>weights w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="23"/>
        <source>Edges show {what}: &lt;b style=&apos;color:{pos}&apos;&gt;blue +&lt;/b&gt;, &lt;b style=&apos;color:{neg}&apos;&gt;red −&lt;/b&gt;, wider or darker = larger size. {n} edges (one per weight; biases are the small squares).</source>
        <translation>연결선은 {what}을(를) 나타냅니다: &lt;b style=&apos;color:{pos}&apos;&gt;파랑 +&lt;/b&gt;, &lt;b style=&apos;color:{neg}&apos;&gt;빨강 −&lt;/b&gt;, 굵고 진할수록 큰 값. 연결선 {n}개 (가중치마다 하나, 편향은 작은 사각형).</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="27"/>
        <source>Grey: not computed yet in this backward pass.</source>
        <translation>회색: 이번 역전파에서 아직 계산되지 않음.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="29"/>
        <source>Large layers show their {m} strongest edges; hover finds any edge.</source>
        <translation>큰 층은 가장 강한 연결선 {m}개만 보여 줍니다. 마우스를 올리면 어느 연결선이든 찾습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="31"/>
        <source>Squares: each unit&apos;s activation over (x1, x2), hover to enlarge.</source>
        <translation>사각형: 각 유닛의 (x1, x2) 위 활성값. 마우스를 올리면 크게 보입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="36"/>
        <source>Each hidden and output unit is drawn as its activation over the input plane, computed on a 24×24 grid through the current parameters: x1 to the right, x2 up. Hidden units: red low, blue high, as the decision boundary&apos;s unit maps; y_pred coloured as the decision boundary. A followed sample is ringed where it lies. Hover a square to see it larger, with the data.</source>
        <translation>각 은닉 유닛과 출력 유닛을 입력 평면 위의 활성값으로 그립니다. 현재 파라미터로 24×24 격자에서 계산하며, x1은 오른쪽, x2는 위쪽입니다. 은닉 유닛은 결정 경계의 유닛 지도처럼 낮으면 빨강, 높으면 파랑이고, y_pred는 결정 경계와 같은 색입니다. 따라가는 샘플은 그 위치에 고리로 표시됩니다. 사각형에 마우스를 올리면 데이터와 함께 크게 보입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="45"/>
        <source>P(class 1): class 0&apos;s colour at 0, class 1&apos;s at 1, as the decision boundary</source>
        <translation>P(클래스 1): 0이면 클래스 0의 색, 1이면 클래스 1의 색 (결정 경계와 같음)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="47"/>
        <source>this class&apos;s probability: the background at 0, the class&apos;s colour at 1</source>
        <translation>이 클래스의 확률: 0이면 배경색, 1이면 클래스의 색</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="49"/>
        <source>sigmoid: red 0, blue 1</source>
        <translation>sigmoid: 빨강 0, 파랑 1</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="51"/>
        <source>tanh: red −1, blue 1</source>
        <translation>tanh: 빨강 −1, 파랑 1</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="52"/>
        <source>{act}: blue positive, red negative, the strongest at this unit&apos;s largest |a|</source>
        <translation>{act}: 파랑 양수, 빨강 음수, 이 유닛의 가장 큰 |a|에서 가장 진함</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="61"/>
        <source>d_w{k}[{i},{j}]: not computed yet (step into the backward pass)</source>
        <translation>d_w{k}[{i},{j}]: 아직 계산되지 않음 (역전파까지 진행하세요)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_legend.py" line="63"/>
        <source>from unit {i} of layer {a} to unit {j} of layer {b} · textbook: {tb}[{i},{j}]</source>
        <translation>층 {a}의 유닛 {i} → 층 {b}의 유닛 {j} · 교과서 표기: {tb}[{i},{j}]</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_pictures.py" line="83"/>
        <source>activation of {name}[{j}] over (x1, x2): x1 to the right, x2 up</source>
        <translation>(x1, x2) 위의 {name}[{j}] 활성값: x1은 오른쪽, x2는 위쪽</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/diagram_scene.py" line="187"/>
        <source>textbook: {tb}</source>
        <translation>교과서 표기: {tb}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/equation.py" line="140"/>
        <source>Training… The operations of an epoch show here again when you pause (Space or F5).</source>
        <translation>학습 중… 일시정지하면(Space 또는 F5) 에포크의 연산이 다시 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/equation.py" line="142"/>
        <source>Ready: below is the first operation of the next epoch. Press “Next operation” (F11) to walk through the epoch one matrix operation at a time: forward, backward and update.</source>
        <translation>준비: 아래는 다음 에포크의 첫 연산입니다. “다음 연산”(F11)을 누르면 순전파, 역전파, 업데이트를 행렬 연산 하나씩 따라갑니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/equation.py" line="147"/>
        <source>Show the first operation</source>
        <translation>첫 연산 보기</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/equation.py" line="366"/>
        <source>notebook: {nb}   ·   textbook: {tb}</source>
        <translation>노트북: {nb}   ·   교과서: {tb}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/equation.py" line="373"/>
        <source>{name} {shape}, as the forward pass made it;
the transpose turns its rows into columns:</source>
        <translation>순전파가 만든 {name} {shape};
전치하면 행이 열이 됩니다:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/equation_cells.py" line="129"/>
        <source>sample {n}</source>
        <translation>샘플 {n}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/equation_cells.py" line="130"/>
        <source>sample {n}: row {row} of the data</source>
        <translation>샘플 {n}: 데이터의 {row}행</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="67"/>
        <source>({n} terms; {m} not written out)</source>
        <translation>(항 {n}개, 그중 {m}개 생략)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="105"/>
        <source>Each product pairs sample n&apos;s {a} (column n of {a}ᵀ) with the same sample&apos;s {d} (row n): the transpose lines the {n} samples up; @ adds them.</source>
        <translation>곱 하나하나는 샘플 n의 {a} ({a}ᵀ의 n번째 열)과 같은 샘플의 {d} (n번째 행)을 짝짓습니다: 전치가 샘플 {n}개를 나란히 맞추고, @가 그것을 더합니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="109"/>
        <source>Row {i} of {d} (sample {i}: row {row} of the data) times row {j} of {w} (the weights from unit {j}): the error flows back along the weights it came through.</source>
        <translation>{d}의 {i}번째 행 (샘플 {i}: 데이터의 {row}행) 곱하기 {w}의 {j}번째 행 (유닛 {j}에서 나가는 가중치): 오차는 들어온 가중치를 따라 거꾸로 흘러갑니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="113"/>
        <source>Row {i} of {d} (sample {i}) times row {j} of {w} (the weights from unit {j}): the error flows back along the weights it came through.</source>
        <translation>{d}의 {i}번째 행 (샘플 {i}) 곱하기 {w}의 {j}번째 행 (유닛 {j}에서 나가는 가중치): 오차는 들어온 가중치를 따라 거꾸로 흘러갑니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="128"/>
        <source>The same {b}[{j}] is added in every row: that is the broadcast.</source>
        <translation>모든 행에 같은 {b}[{j}]이(가) 더해집니다: 이것이 브로드캐스트입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="179"/>
        <source>each sample: ℓ = {formula}</source>
        <translation>샘플마다: ℓ = {formula}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="187"/>
        <source>{mark}sample {i}: ℓ{sub} = {expr} = {v}</source>
        <translation>{mark}샘플 {i}: ℓ{sub} = {expr} = {v}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="188"/>
        <source>{mark}sample {i} (row {row}): ℓ{sub} = {expr} = {v}</source>
        <translation>{mark}샘플 {i} ({row}행): ℓ{sub} = {expr} = {v}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="199"/>
        <source>mean over the outputs of (y_pred − y)²</source>
        <translation>출력들에 대한 (y_pred − y)²의 평균</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="231"/>
        <source>every sample:</source>
        <translation>모든 샘플:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="273"/>
        <source>which simplifies to (y_pred − {y})/{N} = ({p} − {t})/{N} = {v}: the form the engine computes, which never divides by y_pred</source>
        <translation>이는 (y_pred − {y})/{N} = ({p} − {t})/{N} = {v}(으)로 간단해집니다: 엔진이 계산하는 형태이며 y_pred로 나누지 않습니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="285"/>
        <source>Column {j} of {d}, added up over the {n} samples (axis 0).</source>
        <translation>{d}의 {j}번째 열을 샘플 {n}개에 걸쳐 더합니다 (축 0).</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/expansion.py" line="300"/>
        <source>{v} = momentum·(previous {v}) + {g}; {g} = {gv}</source>
        <translation>{v} = momentum·(이전 {v}) + {g}; {g} = {gv}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="38"/>
        <source>Gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="38"/>
        <source>manual (engine)</source>
        <translation>수동 (엔진)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="38"/>
        <source>autograd</source>
        <translation>autograd</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="38"/>
        <source>finite differences</source>
        <translation>유한 차분</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="39"/>
        <source>relative error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="39"/>
        <source>verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="70"/>
        <source>Run check</source>
        <translation>검사 실행</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="71"/>
        <source>Compare the engine&apos;s gradients with autograd and with finite differences at the current parameters</source>
        <translation>현재 매개변수에서 엔진의 기울기를 autograd 및 유한 차분과 비교합니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="74"/>
        <source>Press “Run check” to test the hand-written gradients.</source>
        <translation>“검사 실행”을 눌러 손으로 쓴 기울기를 시험하세요.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="76"/>
        <source>every element</source>
        <translation>모든 원소</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="77"/>
        <source>Finite differences for every element of every parameter (slow for large networks); otherwise a sample of {n} elements per parameter</source>
        <translation>모든 매개변수의 모든 원소에 유한 차분 적용 (큰 네트워크에서는 느림). 선택하지 않으면 매개변수마다 원소 {n}개를 표본으로 씁니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="134"/>
        <source>Checking {n} parameters …</source>
        <translation>매개변수 {n}개 검사 중 …</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="143"/>
        <source>The parameters changed since the last check.</source>
        <translation>마지막 검사 이후 매개변수가 바뀌었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="176"/>
        <source>The check could not run: {m}</source>
        <translation>검사를 실행할 수 없습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="205"/>
        <source>{ok} of {n} gradients agree (relative error below 1e-7 is ok, above 1e-2 wrong).</source>
        <translation>기울기 {n}개 중 {ok}개 일치 (상대 오차 1e-7 미만이면 정상, 1e-2 초과면 틀림).</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/gradcheck_pane.py" line="210"/>
        <source>Finite differences on {c} of {t} elements (a sample).</source>
        <translation>원소 {t}개 중 {c}개에 유한 차분 적용 (표본).</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/health_pane.py" line="39"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/health_pane.py" line="86"/>
        <source>level: {level}</source>
        <translation>수준: {level}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/matrix_view.py" line="132"/>
        <source>row {n}</source>
        <translation>{n}행</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="112"/>
        <source>Forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="112"/>
        <source>Backward</source>
        <translation>역전파</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="112"/>
        <source>Update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="117"/>
        <source>matmul + bias broadcast-add</source>
        <translation>행렬 곱 + 편향 브로드캐스트 덧셈</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="118"/>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="121"/>
        <source>loss gradient</source>
        <translation>손실 기울기</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="122"/>
        <source>activation-derivative ⊙</source>
        <translation>활성화 도함수 ⊙</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="123"/>
        <source>matmul</source>
        <translation>행렬 곱</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="124"/>
        <source>batch sum</source>
        <translation>배치 합</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="193"/>
        <source>{name} is {own}; {name}ᵀ is {shown}</source>
        <translation>{name}: {own}, {name}ᵀ: {shown}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="222"/>
        <source>{a} @ {b} → {r} ✓ same shape as {target}</source>
        <translation>{a} @ {b} → {r} ✓ {target}와(과) 같은 모양</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="231"/>
        <source>{b} {shape} added to every one of the {n} rows</source>
        <translation>{b} {shape}: {n}개 행 모두에 더해짐</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="234"/>
        <source>{a} @ {w} → {r}: the inner {k}s match; then + {b} {bs} on each of the {n} rows</source>
        <translation>{a} @ {w} → {r}: 안쪽 차원 {k}이(가) 일치합니다. 이어서 {n}개 행마다 + {b} {bs}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="248"/>
        <source>{f} acts on each of the {n} entries on its own: {s} → {s}</source>
        <translation>{f}은(는) 원소 {n}개 각각에 따로 작용합니다: {s} → {s}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="255"/>
        <source>each row of {l} becomes probabilities that add up to 1: {s} → {s}</source>
        <translation>{l}의 각 행이 합이 1인 확률이 됩니다: {s} → {s}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="257"/>
        <source>) row by row</source>
        <translation>) 행별로</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="266"/>
        <source>ℓ (loss per sample)</source>
        <translation>ℓ (샘플별 손실)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="269"/>
        <source>the mean of these {n} numbers is the loss</source>
        <translation>이 숫자 {n}개의 평균이 손실입니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="271"/>
        <source>= mean of</source>
        <translation>= 다음의 평균:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="271"/>
        <source>from</source>
        <translation>계산 재료:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="271"/>
        <location filename="../../app/views/inspector/plan.py" line="273"/>
        <source>and</source>
        <translation>및</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="273"/>
        <location filename="../../app/views/inspector/plan.py" line="283"/>
        <source>= from</source>
        <translation>= 계산 재료:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="275"/>
        <source>one number ℓ per sample, then their mean: {n} samples → loss ()</source>
        <translation>샘플마다 숫자 ℓ 하나, 그다음 평균: 샘플 {n}개 → 손실 ()</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="282"/>
        <source>entry by entry: {s} → {s}, one derivative per prediction</source>
        <translation>원소별로: {s} → {s}, 예측값마다 도함수 하나</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="291"/>
        <source>row by row: {s} ⊙ {s} → {s}</source>
        <translation>행별로: {s} ⊙ {s} → {s}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="293"/>
        <source>entry by entry, no matmul: {s} ⊙ {s} → {s}</source>
        <translation>원소별로, 행렬 곱 없이: {s} ⊙ {s} → {s}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="308"/>
        <source>· the inner {n} is the samples: @ adds them up</source>
        <translation>· 안쪽 차원 {n}은(는) 샘플 수: @가 샘플들을 더합니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="309"/>
        <source>one column per sample</source>
        <translation>샘플마다 열 하나</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="310"/>
        <source>one row per sample</source>
        <translation>샘플마다 행 하나</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="321"/>
        <source>Σ over the {n} samples, axis 0</source>
        <translation>샘플 {n}개에 대한 Σ, 축 0</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="322"/>
        <source>{d} {ds} → Σ over the {n} samples, axis 0 → {r}, the shape of {b}</source>
        <translation>{d} {ds} → 샘플 {n}개에 대한 Σ, 축 0 → {r}, {b}의 모양</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="339"/>
        <source>where v = {m:g}·v + </source>
        <translation>여기서 v = {m:g}·v + </translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/plan.py" line="343"/>
        <source>every entry moves against its gradient: {s} − lr·{s} → {s}</source>
        <translation>모든 원소가 기울기의 반대 방향으로 움직입니다: {s} − lr·{s} → {s}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/step_texts.py" line="54"/>
        <source>Why this shape</source>
        <translation>왜 이 모양인가</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/step_texts.py" line="85"/>
        <source>epoch {e} · operation {i} of {n} · {op}</source>
        <translation>에포크 {e} · 연산 {i} / {n} · {op}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/step_texts.py" line="91"/>
        <source>Hover over or click any cell of {name} to see how it is computed.</source>
        <translation>{name}의 셀에 마우스를 올리거나 클릭하면 어떻게 계산되는지 보입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/step_texts.py" line="94"/>
        <source>Note: {note}</source>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="54"/>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="55"/>
        <source>Previous operation</source>
        <translation>이전 연산</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="57"/>
        <location filename="../../app/views/practice/lesson.py" line="137"/>
        <location filename="../../app/views/practice/lesson.py" line="172"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="58"/>
        <source>Next operation</source>
        <translation>다음 연산</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="65"/>
        <source>Operation</source>
        <translation>연산</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="65"/>
        <location filename="../../app/views/practice/verdict_model.py" line="26"/>
        <source>Shape</source>
        <translation>모양</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="141"/>
        <source>{op} · textbook: {tb}</source>
        <translation>{op} · 교과서 표기: {tb}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="183"/>
        <source>Epoch {e} · epoch {next} ready to step ({n} operations)</source>
        <translation>에포크 {e} · 에포크 {next} 단계별 실행 준비됨 (연산 {n}개)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="186"/>
        <source>Epoch {e}</source>
        <translation>에포크 {e}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="188"/>
        <source>Epoch {e}: operation {i} of {n}</source>
        <translation>에포크 {e}: 연산 {i} / {n}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/timeline.py" line="194"/>
        <source>Next ▶ starts epoch {n}.</source>
        <translation>다음 ▶을 누르면 에포크 {n}이(가) 시작됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="33"/>
        <source>Notebook names (l1, a1, d_w2)</source>
        <translation>노트북 이름 (l1, a1, d_w2)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="34"/>
        <source>Textbook symbols (z⁽¹⁾, a⁽¹⁾, ∂L/∂W⁽²⁾, δ⁽²⁾)</source>
        <translation>교과서 기호 (z⁽¹⁾, a⁽¹⁾, ∂L/∂W⁽²⁾, δ⁽²⁾)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="35"/>
        <source>Names as in the notebook, or the textbook&apos;s symbols; hover over a name to see the other</source>
        <translation>노트북의 이름 또는 교과서의 기호. 이름 위에 마우스를 올리면 다른 쪽 표기가 보입니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="42"/>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="43"/>
        <source>Numbers</source>
        <translation>숫자</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="44"/>
        <source>Heat map</source>
        <translation>히트맵</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="45"/>
        <source>Numbers in every cell, or colours only (for large matrices); Auto shows numbers up to 12 rows and columns</source>
        <translation>셀마다 숫자, 또는 색만 표시 (큰 행렬용). 자동은 12행·12열까지 숫자를 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="51"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="53"/>
        <source>Follow one data row through every matrix that has a row per sample</source>
        <translation>샘플마다 행이 있는 모든 행렬에서 데이터 한 행을 따라갑니다</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="62"/>
        <source>Names:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="62"/>
        <source>Matrices:</source>
        <translation>행렬:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="63"/>
        <source>Follow sample:</source>
        <translation>샘플 따라가기:</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/toolbar.py" line="82"/>
        <source> (row {n})</source>
        <translation> ({n}행)</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/wording.py" line="43"/>
        <source>loss per sample</source>
        <translation>샘플별 손실</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/wording.py" line="46"/>
        <source>used as {label} {shape}</source>
        <translation>→ {label} {shape}(으)로 사용</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/wording.py" line="48"/>
        <source>broadcast to {shape}</source>
        <translation>→ {shape}(으)로 브로드캐스트</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/wording.py" line="51"/>
        <source>{op}; operands: {operands}</source>
        <translation>{op}; 피연산자: {operands}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/wording.py" line="54"/>
        <source>why: {why}</source>
        <translation>이유: {why}</translation>
    </message>
    <message>
        <location filename="../../app/views/inspector/wording.py" line="57"/>
        <source>note: {note}</source>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="98"/>
        <source>yours</source>
        <translation>내 값</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="99"/>
        <source>expected</source>
        <translation>기댓값</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="100"/>
        <source>Select a row of the table to see your tensor beside the expected one.</source>
        <translation>표에서 행을 선택하면 내 텐서와 기댓값이 나란히 보입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="106"/>
        <source>expected {name} {shape}</source>
        <translation>기댓값: {name} {shape}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="110"/>
        <source>yours: {name} —</source>
        <translation>내 값: {name} —</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="112"/>
        <source>Your code does not define {name}.</source>
        <translation>코드에 {name}이(가) 정의되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="113"/>
        <source>Your {name} is too large to show.</source>
        <translation>내 {name}이(가) 너무 커서 보여 줄 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="119"/>
        <source>yours: {name} {shape}</source>
        <translation>내 값: {name} {shape}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="125"/>
        <source>All {total} entries agree.</source>
        <translation>원소 {total}개가 모두 일치합니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="126"/>
        <source>{n} of {total} entries differ (framed).</source>
        <translation>원소 {total}개 중 {n}개가 다릅니다 (테두리 표시).</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="128"/>
        <source>The shapes differ: yours is {got}, the expected one is {exp}.</source>
        <translation>모양이 다릅니다: 내 값은 {got}, 기댓값은 {exp}입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/compare.py" line="131"/>
        <source>Yours = {k} × expected.</source>
        <translation>내 값 = {k} × 기댓값.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="28"/>
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="30"/>
        <source>&lt;b&gt;Check (Ctrl+Return)&lt;/b&gt;&lt;br&gt;Run your code once against the engine and name the first wrong tensor</source>
        <translation>&lt;b&gt;검사 (Ctrl+Return)&lt;/b&gt;&lt;br&gt;코드를 한 번 실행해 엔진과 비교하고, 처음으로 틀린 텐서를 알려 줍니다</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="33"/>
        <source>Train with my code</source>
        <translation>내 코드로 학습</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="35"/>
        <source>Train with your gradients and update for the number of epochs beside, and plot your loss next to the engine&apos;s</source>
        <translation>내 기울기와 업데이트로 옆에 적은 에포크 수만큼 학습하고, 내 손실을 엔진의 손실과 나란히 그립니다</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="42"/>
        <source> epochs</source>
        <translation> 에포크</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="43"/>
        <source>Epochs to train with your code</source>
        <translation>내 코드로 학습할 에포크 수</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="48"/>
        <source>lr </source>
        <translation>lr </translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="49"/>
        <source>Learning rate for training with your code</source>
        <translation>내 코드로 학습할 때의 학습률</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="55"/>
        <source>time-out </source>
        <translation>제한 시간 </translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="56"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="57"/>
        <source>How long one run of your code may take</source>
        <translation>코드를 한 번 실행하는 데 허용하는 시간</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="60"/>
        <source>Template</source>
        <translation>템플릿</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="61"/>
        <source>Replace the code with the template for this network (Ctrl+Z undoes)</source>
        <translation>코드를 이 네트워크용 템플릿으로 바꿉니다 (Ctrl+Z로 되돌림)</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="63"/>
        <source>Show shapes</source>
        <translation>모양 보기</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="66"/>
        <source>After a check, show under each line of your code the shape of every tensor it computed</source>
        <translation>검사한 뒤, 코드의 각 줄 아래에 그 줄이 계산한 모든 텐서의 모양을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="80"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/controls.py" line="109"/>
        <source>Pause training first</source>
        <translation>먼저 학습을 일시정지하세요</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/editor.py" line="65"/>
        <source>Your backward code</source>
        <translation>내 역전파 코드</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/editor.py" line="66"/>
        <source>Write or paste your backward pass here: d_loss = …, d_l2 = …, …</source>
        <translation>여기에 역전파 코드를 쓰거나 붙여 넣으세요: d_loss = …, d_l2 = …, …</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/editor.py" line="110"/>
        <source>Not pasted: the code would be {n} characters long; practice code is limited to {max} characters.</source>
        <translation>붙여넣지 않았습니다: 코드가 {n}자가 됩니다. 연습 코드는 {max}자까지입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/lesson.py" line="124"/>
        <location filename="../../app/views/practice/lesson.py" line="170"/>
        <source>Show the pane this step talks about</source>
        <translation>이 단계가 설명하는 창 보기</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/lesson.py" line="135"/>
        <location filename="../../app/views/practice/lesson.py" line="171"/>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/lesson.py" line="178"/>
        <location filename="../../app/views/practice/lesson.py" line="193"/>
        <source>Step {k} of {n}</source>
        <translation>단계 {k} / {n}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/lesson.py" line="180"/>
        <location filename="../../app/views/practice/lesson.py" line="195"/>
        <source>→ {pane}</source>
        <translation>→ {pane}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/lesson.py" line="182"/>
        <location filename="../../app/views/practice/lesson.py" line="198"/>
        <source>Run it</source>
        <translation>실행하기</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/lesson.py" line="279"/>
        <source>The preset was not opened.</source>
        <translation>프리셋을 열지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/lesson.py" line="287"/>
        <source>The Practice pane is not available.</source>
        <translation>연습 창을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/lesson.py" line="305"/>
        <source>Learning rate {lr}</source>
        <translation>학습률 {lr}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/menu.py" line="22"/>
        <source>Export &amp;code…</source>
        <translation>코드 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/menu.py" line="23"/>
        <source>Write the network and its current parameters as a torch script or notebook</source>
        <translation>네트워크와 현재 매개변수를 torch 스크립트나 노트북으로 씁니다</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/menu.py" line="24"/>
        <source>&amp;Lesson: the notebook&apos;s NaN</source>
        <translation>레슨: 노트북의 NaN(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/menu.py" line="25"/>
        <source>A guided lesson: run the notebook&apos;s backward code, find its mistakes, fix them</source>
        <translation>안내 레슨: 노트북의 역전파 코드를 실행하고, 실수를 찾아, 고칩니다</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/menu.py" line="26"/>
        <source>Check &amp;my code</source>
        <translation>내 코드 검사(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/menu.py" line="26"/>
        <source>Check the code in the Practice pane against the engine</source>
        <translation>연습 창의 코드를 엔진과 비교해 검사합니다</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/pane.py" line="211"/>
        <location filename="../../app/views/practice/runner.py" line="99"/>
        <source>A check is already running.</source>
        <translation>이미 검사가 진행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/pane.py" line="213"/>
        <source>Pause training first: your code is checked against the network&apos;s current state.</source>
        <translation>먼저 학습을 일시정지하세요: 코드는 네트워크의 현재 상태를 기준으로 검사합니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/pane.py" line="239"/>
        <source>cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/pane.py" line="242"/>
        <location filename="../../app/views/practice/pane.py" line="318"/>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/pane.py" line="264"/>
        <source>training {n} epochs with your code… (time-out {s} s)</source>
        <translation>내 코드로 {n} 에포크 학습 중… (제한 시간 {s}초)</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/pane.py" line="267"/>
        <source>checking… (time-out {s} s)</source>
        <translation>검사 중… (제한 시간 {s}초)</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/pane.py" line="268"/>
        <source>{head} · {t:.1f} s</source>
        <translation>{head} · {t:.1f}초</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/pane.py" line="345"/>
        <source>checked in {t:.1f} s</source>
        <translation>검사 {t:.1f}초</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="33"/>
        <source>Write your backward pass on the left and press Check.</source>
        <translation>왼쪽에 역전파 코드를 쓰고 검사를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="87"/>
        <source>Your tensor and the expected one</source>
        <translation>내 텐서와 기댓값</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="135"/>
        <source>Checked and trained as in the notebook: all {n} training rows at once, not mini-batches of {k}.</source>
        <translation>노트북처럼 확인하고 학습합니다: {k}행 미니배치가 아니라 학습 행 {n}개 전체를 한 번에.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="177"/>
        <source>… ({n} more lines)</source>
        <translation>… (이하 {n}줄 생략)</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="178"/>
        <source>Your code printed:</source>
        <translation>코드가 출력한 내용:</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="197"/>
        <source>✓ Every tensor your code defines is right.</source>
        <translation>✓ 코드가 정의한 텐서가 모두 맞습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="200"/>
        <location filename="../../app/views/practice/train_plot.py" line="127"/>
        <source> (line {line})</source>
        <translation> ({line}번째 줄)</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="202"/>
        <source>Root mistake: {name}{line}.</source>
        <translation>근본 실수: {name}{line}.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="204"/>
        <source>{n} tensor(s) marked “follows” are computed right from it: fix {name} first.</source>
        <translation>“이어짐”으로 표시된 텐서 {n}개는 이 값으로부터 올바르게 계산되었습니다: {name}부터 고치세요.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/results.py" line="209"/>
        <source>Your code stopped with an error.</source>
        <translation>코드가 오류로 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/runner.py" line="117"/>
        <source>The network&apos;s current state cannot be checked: {reason}</source>
        <translation>네트워크의 현재 상태는 검사할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/runner.py" line="176"/>
        <source>The checker could not start: {reason}</source>
        <translation>검사기를 시작할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/runner.py" line="197"/>
        <source>exit code {code}</source>
        <translation>종료 코드 {code}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/runner.py" line="198"/>
        <source>The checker failed: {reason}</source>
        <translation>검사기가 실패했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/shapes_layer.py" line="246"/>
        <source>{expr} failed: {operands}</source>
        <translation>{expr} 실패: {operands}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/shapes_layer.py" line="247"/>
        <source>{expr} is {shape}</source>
        <translation>{expr}의 모양은 {shape}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/shapes_layer.py" line="249"/>
        <source>evaluated {n} times, with different shapes: the last one is shown</source>
        <translation>{n}번 계산되었고 모양이 달랐습니다: 마지막 모양을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/shapes_layer.py" line="250"/>
        <source>evaluated {n} times</source>
        <translation>{n}번 계산됨</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="51"/>
        <source>your code</source>
        <translation>내 코드</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="52"/>
        <source>engine (reference)</source>
        <translation>엔진 (기준)</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="64"/>
        <source>Press “Train with my code” to train with your gradients and compare the loss with the engine&apos;s.</source>
        <translation>“내 코드로 학습”을 누르면 내 기울기로 학습하고 손실을 엔진의 손실과 비교합니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="94"/>
        <source>Press “Train with my code” to plot your loss beside the engine&apos;s.</source>
        <translation>“내 코드로 학습”을 누르면 내 손실을 엔진의 손실 옆에 그립니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="105"/>
        <source>, accuracy {acc:.0%}</source>
        <translation>, 정확도 {acc:.0%}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="106"/>
        <source>Engine with lr {lr}: {n} epochs, loss {first} → {last}{acc}</source>
        <translation>엔진 (lr {lr}): {n} 에포크, 손실 {first} → {last}{acc}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="114"/>
        <source>Your code: {n} epochs, loss {first} → {last}</source>
        <translation>내 코드: {n} 에포크, 손실 {first} → {last}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="122"/>
        <location filename="../../app/views/practice/wording.py" line="135"/>
        <source>NaN at epoch {epoch}</source>
        <translation>에포크 {epoch}에서 NaN</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="128"/>
        <source>Stopped in epoch {epoch}{where}: {message}</source>
        <translation>에포크 {epoch}{where}에서 멈춤: {message}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="133"/>
        <source>Updated by the engine from your gradients, by Adam from the session&apos;s m, v and t: {names}</source>
        <translation>내 기울기로 엔진이 세션의 m, v, t에서 이어 Adam으로 업데이트함: {names}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="135"/>
        <source>Updated by the engine from your gradients, with momentum from the session&apos;s buffers: {names}</source>
        <translation>내 기울기로 엔진이 세션의 모멘텀 버퍼로 업데이트함: {names}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="137"/>
        <source>Updated by the engine from your gradients: {names}</source>
        <translation>내 기울기로 엔진이 업데이트함: {names}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/train_plot.py" line="140"/>
        <source>Never updated: {names}</source>
        <translation>한 번도 업데이트되지 않음: {names}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="26"/>
        <source>Tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="26"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="26"/>
        <source>Yours</source>
        <translation>내 것</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="26"/>
        <source>Factor</source>
        <translation>배율</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="26"/>
        <source>max |err|</source>
        <translation>최대 |오차|</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="27"/>
        <source>Follows from</source>
        <translation>원인</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="27"/>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="27"/>
        <source>Hint</source>
        <translation>힌트</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/verdict_model.py" line="108"/>
        <source>{name}  ◀ root</source>
        <translation>{name}  ◀ 근본 실수</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="43"/>
        <source>{status} ×{k}</source>
        <translation>{status} ×{k}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="45"/>
        <source>follows {name}</source>
        <translation>{name}에서 이어짐</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="51"/>
        <source>follows</source>
        <translation>이어짐</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="52"/>
        <source>sign</source>
        <translation>부호</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="53"/>
        <source>scale</source>
        <translation>배율</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="54"/>
        <source>shape</source>
        <translation>모양</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="56"/>
        <source>inf / nan</source>
        <translation>inf / nan</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="57"/>
        <source>not defined</source>
        <translation>정의 안 됨</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="58"/>
        <source>changed in place</source>
        <translation>제자리에서 바뀜</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="64"/>
        <source>Equal to the engine&apos;s value (up to rounding).</source>
        <translation>엔진의 값과 같습니다 (반올림 오차 범위에서).</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="65"/>
        <source>The formula on this line is right; the value is wrong only because a tensor it is computed from is wrong.</source>
        <translation>이 줄의 식은 맞습니다. 계산에 쓰인 텐서가 틀렸기 때문에 값이 틀렸을 뿐입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="67"/>
        <source>The right value times −1.</source>
        <translation>올바른 값 × −1.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="68"/>
        <source>The right value times a constant factor.</source>
        <translation>올바른 값 × 상수 배율.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="69"/>
        <source>The shape differs from the tensor it is the gradient of.</source>
        <translation>기울기의 대상인 텐서와 모양이 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="70"/>
        <source>Neither the right value nor a simple mistake the checker recognises.</source>
        <translation>올바른 값도 아니고, 검사기가 알아보는 단순한 실수도 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="71"/>
        <source>Some entries are inf or nan.</source>
        <translation>일부 원소가 inf 또는 nan입니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="72"/>
        <source>Your code does not define this name (fine if you computed it inline).</source>
        <translation>코드에 이 이름이 정의되어 있지 않습니다 (식 안에서 바로 계산했다면 괜찮습니다).</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="73"/>
        <source>Right when assigned; a later line changed the same tensor in place.</source>
        <translation>대입될 때는 맞았지만, 뒤의 줄이 같은 텐서를 제자리에서 바꿨습니다.</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="93"/>
        <source>
The engine computes: {formula}</source>
        <translation>
엔진의 계산: {formula}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="111"/>
        <source>Line {line} · {type}: {message}</source>
        <translation>{line}번째 줄 · {type}: {message}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="112"/>
        <source>{type}: {message}</source>
        <translation>{type}: {message}</translation>
    </message>
    <message>
        <location filename="../../app/views/practice/wording.py" line="136"/>
        <source>{head}: {why}</source>
        <translation>{head}: {why}</translation>
    </message>
    <message>
        <source>1 input: no plane to draw the boundary on.</source>
        <translation type="vanished">입력 1개: 경계를 그릴 평면이 없습니다.</translation>
    </message>
    <message>
        <source>{f} inputs: no plane to draw the boundary on.</source>
        <translation type="vanished">입력 {f}개: 경계를 그릴 평면이 없습니다.</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the network&apos;s answer. The diagonal counts the right answers; every other cell a mix-up.</source>
        <translation type="vanished">행: 실제 클래스, 열: 네트워크의 답. 대각선은 맞힌 개수이고, 나머지 칸은 헷갈린 개수입니다.</translation>
    </message>
    <message>
        <source>Fit: the network&apos;s y over x, with the data</source>
        <translation type="vanished">적합: 데이터 위에 그린 네트워크의 x에 대한 y</translation>
    </message>
    <message>
        <source>(sum over axis 0)</source>
        <translation type="vanished">(축 0에 대한 합)</translation>
    </message>
    <message>
        <source> The right formula: {formula}.</source>
        <translation type="vanished"> 올바른 식: {formula}.</translation>
    </message>
    <message>
        <source>(Compared with what the right formula gives with your {name}; {name} itself is wrong too: see above.)</source>
        <translation type="vanished">(내 {name}에 올바른 식을 적용한 값과 비교한 결과입니다. {name} 자체도 틀렸습니다: 위를 보세요.)</translation>
    </message>
    <message>
        <source>{name} is {got}: per-sample values, one row for each of the {N} samples; {base} is {want}, so sum over the batch axis: {name} = {up}.sum(0).</source>
        <translation type="vanished">{name}은(는) {got}입니다: 샘플 {N}개마다 행이 하나씩인 샘플별 값입니다. {base}은(는) {want}이므로 배치 축으로 더하세요: {name} = {up}.sum(0).</translation>
    </message>
    <message>
        <source>{name} is a {type}, not a tensor.</source>
        <translation type="vanished">{name}은(는) 텐서가 아니라 {type}입니다.</translation>
    </message>
    <message>
        <source>This line is right for your {src}; {name} is wrong only because {src} is: fix that first.</source>
        <translation type="vanished">이 줄은 내 {src}에 대해서는 맞습니다. {src}이(가) 틀렸기 때문에 {name}도 틀렸을 뿐이니, 그것부터 고치세요.</translation>
    </message>
    <message>
        <source>{name} has the wrong sign (factor −1): loss = −mean(…), and the minus carries into every gradient.</source>
        <translation type="vanished">{name}의 부호가 틀렸습니다 (배율 −1): loss = −mean(…)이고, 이 마이너스가 모든 기울기로 이어집니다.</translation>
    </message>
    <message>
        <source>{name} is {N} × the right value: the 1/N of the mean is missing (the loss is a mean over the N = {N} samples, so every gradient carries 1/{N}).</source>
        <translation type="vanished">{name}은(는) 올바른 값의 {N}배입니다: 평균의 1/N이 빠졌습니다 (손실은 N = {N}개 샘플의 평균이므로 모든 기울기에 1/{N}이 붙습니다).</translation>
    </message>
    <message>
        <source>{name} is {k} × the right value: the sign and the 1/N of the mean are missing (loss = −mean(…) = −(1/{N})·Σ…).</source>
        <translation type="vanished">{name}은(는) 올바른 값의 {k}배입니다: 부호와 평균의 1/N이 빠졌습니다 (loss = −mean(…) = −(1/{N})·Σ…).</translation>
    </message>
    <message>
        <source>{name} is 1/{N} of the right value: it is divided by N = {N} once too often (the 1/N of the mean belongs in d_loss only).</source>
        <translation type="vanished">{name}은(는) 올바른 값의 1/{N}입니다: N = {N}으로 한 번 더 나누었습니다 (평균의 1/N은 d_loss에만 들어갑니다).</translation>
    </message>
    <message>
        <source>{name} is {k} × the right value: the wrong sign, and divided by N = {N} once too often.</source>
        <translation type="vanished">{name}은(는) 올바른 값의 {k}배입니다: 부호가 틀렸고, N = {N}으로 한 번 더 나누었습니다.</translation>
    </message>
    <message>
        <source>{name} is the mean over the batch axis, 1/{N} of the right value; a bias gradient is the sum over the batch axis.</source>
        <translation type="vanished">{name}은(는) 배치 축의 평균이라 올바른 값의 1/{N}입니다. 편향의 기울기는 배치 축의 합입니다.</translation>
    </message>
    <message>
        <source>{name} is {k} × the right value.</source>
        <translation type="vanished">{name}은(는) 올바른 값의 {k}배입니다.</translation>
    </message>
    <message>
        <source>{name} has {count} entries that are inf or nan because {up} has.</source>
        <translation type="vanished">{up}에 inf 또는 nan이 있어서 {name}에도 inf 또는 nan인 원소가 {count}개 있습니다.</translation>
    </message>
    <message>
        <source>{name} has {count} entries that are inf or nan because {up} has. y_pred is saturated, so d_loss divides by zero; σ&apos;·d_loss simplifies to (y_pred − y)/N, which never divides: {name} = (y_pred - y) / N.</source>
        <translation type="vanished">{up}에 inf 또는 nan이 있어서 {name}에도 inf 또는 nan인 원소가 {count}개 있습니다. y_pred가 포화되어 d_loss가 0으로 나눕니다. σ&apos;·d_loss는 나눗셈이 없는 (y_pred − y)/N으로 간단해집니다: {name} = (y_pred - y) / N.</translation>
    </message>
    <message>
        <source>d_loss divides by y_pred and by 1 − y_pred; {sat} prediction(s) are exactly 0 or 1, so it divides by zero. σ&apos;(l)·d_loss simplifies to (y_pred − y)/N, which never divides.</source>
        <translation type="vanished">d_loss는 y_pred와 1 − y_pred로 나눕니다. 예측값 {sat}개가 정확히 0 또는 1이라 0으로 나누게 됩니다. σ&apos;(l)·d_loss는 나눗셈이 없는 (y_pred − y)/N으로 간단해집니다.</translation>
    </message>
    <message>
        <source>{name} has {count} entries that are inf or nan.</source>
        <translation type="vanished">{name}에 inf 또는 nan인 원소가 {count}개 있습니다.</translation>
    </message>
    <message>
        <source>{name} does not match.</source>
        <translation type="vanished">{name}이(가) 일치하지 않습니다.</translation>
    </message>
    <message>
        <source>{name} is all zeros.</source>
        <translation type="vanished">{name}이(가) 모두 0입니다.</translation>
    </message>
    <message>
        <source>{name} is {got} but {base} is {want}: this is the transpose of the right gradient.</source>
        <translation type="vanished">{name}은(는) {got}인데 {base}은(는) {want}입니다: 올바른 기울기의 전치입니다.</translation>
    </message>
    <message>
        <source>{name} is the transpose of the right gradient.</source>
        <translation type="vanished">{name}은(는) 올바른 기울기의 전치입니다.</translation>
    </message>
    <message>
        <source>{name} lacks the L2 term: the loss adds (l2/2)·Σ‖w‖², so add l2·{base} (l2 = {l2}).</source>
        <translation type="vanished">{name}에 L2 항이 빠졌습니다: 손실에 (l2/2)·Σ‖w‖²이 더해지므로 l2·{base}을(를) 더하세요 (l2 = {l2}).</translation>
    </message>
    <message>
        <source>{name} has the right values but the shape {got}; {base} is {want}, and so must {name} be.</source>
        <translation type="vanished">{name}의 값은 맞지만 모양이 {got}입니다. {base}이(가) {want}이므로 {name}도 그래야 합니다.</translation>
    </message>
    <message>
        <source>{name} must have the shape of {base}, {want}; yours is {got}.</source>
        <translation type="vanished">{name}은(는) {base}와(과) 같은 모양 {want}이어야 하는데, 내 값은 {got}입니다.</translation>
    </message>
    <message>
        <source>{name} equals {up}: the activation&apos;s derivative is missing: {name} = {fix}.</source>
        <translation type="vanished">{name}이(가) {up}와(과) 같습니다: 활성화 함수의 도함수가 빠졌습니다: {name} = {fix}.</translation>
    </message>
    <message>
        <source>{name} multiplies by the activation {act} itself; use its derivative: {name} = {fix}.</source>
        <translation type="vanished">{name}에 활성화 함수 {act} 자체를 곱했습니다. 도함수를 쓰세요: {name} = {fix}.</translation>
    </message>
    <message>
        <source>(relative to the step your {name} gives; {name} itself is wrong too)</source>
        <translation type="vanished">(내 {name}이(가) 주는 걸음과 비교한 값입니다. {name} 자체도 틀렸습니다)</translation>
    </message>
    <message>
        <source>(and momentum is missing: v = momentum·v + d, then p -= lr·v)</source>
        <translation type="vanished">(그리고 모멘텀이 빠졌습니다: v = momentum·v + d, 그다음 p -= lr·v)</translation>
    </message>
    <message>
        <source>{name} is now a {type}, not a tensor.</source>
        <translation type="vanished">{name}이(가) 이제 텐서가 아니라 {type}입니다.</translation>
    </message>
    <message>
        <source>{name} changed shape from {want} to {got}; an update must keep the shape.</source>
        <translation type="vanished">{name}의 모양이 {want}에서 {got}(으)로 바뀌었습니다. 업데이트는 모양을 유지해야 합니다.</translation>
    </message>
    <message>
        <source>{name} changed shape from {want} to {got}; an update must keep the shape. d_{name} holds per-sample values: sum over the batch axis: d_{name} = ….sum(0).</source>
        <translation type="vanished">{name}의 모양이 {want}에서 {got}(으)로 바뀌었습니다. 업데이트는 모양을 유지해야 합니다. d_{name}에 샘플별 값이 들어 있으니 배치 축으로 더하세요: d_{name} = ….sum(0).</translation>
    </message>
    <message>
        <source>This update is right for your d_{name}; {name} is wrong only because d_{name} is.</source>
        <translation type="vanished">이 업데이트는 내 d_{name}에 대해서는 맞습니다. d_{name}이(가) 틀렸기 때문에 {name}도 틀렸을 뿐입니다.</translation>
    </message>
    <message>
        <source>This update subtracts lr × the mean of d_{name} over the batch axis: a mean where the sum belongs. Once d_{name} is the batch sum {shape}, subtract it itself: {name} -= lr * d_{name}</source>
        <translation type="vanished">이 업데이트는 lr × (d_{name}의 배치 축 평균)을 뺍니다: 합이 들어갈 자리에 평균을 썼습니다. d_{name}을(를) 배치 합 {shape}(으)로 만든 뒤 그 자체를 빼세요: {name} -= lr * d_{name}</translation>
    </message>
    <message>
        <source>This update sums d_{name} over the batch axis; better make d_{name} itself the sum {shape} and write {name} -= lr * d_{name}</source>
        <translation type="vanished">이 업데이트는 d_{name}을(를) 배치 축으로 더합니다. d_{name} 자체를 합 {shape}(으)로 만들고 {name} -= lr * d_{name}(으)로 쓰는 편이 좋습니다</translation>
    </message>
    <message>
        <source>This update subtracts lr × the mean of all {entries} entries of d_{name} (one number): subtract d_{name} itself: {name} -= lr * d_{name}</source>
        <translation type="vanished">이 업데이트는 lr × (d_{name}의 원소 {entries}개 전체의 평균, 숫자 하나)을 뺍니다. d_{name} 자체를 빼세요: {name} -= lr * d_{name}</translation>
    </message>
    <message>
        <source>This is plain gradient descent; with momentum {m}: v_{name} = {m} * v_{name} + d_{name}, then {name} -= lr * v_{name}</source>
        <translation type="vanished">이것은 일반 경사 하강법입니다. 모멘텀 {m}(으)로는: v_{name} = {m} * v_{name} + d_{name}, 그다음 {name} -= lr * v_{name}</translation>
    </message>
    <message>
        <source>{name} moved along the gradient instead of against it: {name} -= lr * d_{name}</source>
        <translation type="vanished">{name}이(가) 기울기의 반대 방향이 아니라 기울기 방향으로 움직였습니다: {name} -= lr * d_{name}</translation>
    </message>
    <message>
        <source>The step is {k} × the right one: multiply d_{name} by lr: {name} -= lr * d_{name}</source>
        <translation type="vanished">걸음이 올바른 걸음의 {k}배입니다: d_{name}에 lr을 곱하세요: {name} -= lr * d_{name}</translation>
    </message>
    <message>
        <source>The step is {k} × the right one: {name} -= lr * d_{name}</source>
        <translation type="vanished">걸음이 올바른 걸음의 {k}배입니다: {name} -= lr * d_{name}</translation>
    </message>
    <message>
        <source>{name} does not match the update {formula}</source>
        <translation type="vanished">{name}이(가) 업데이트 {formula}와(과) 일치하지 않습니다</translation>
    </message>
    <message>
        <source>training did not finish within {s} s</source>
        <translation type="vanished">학습이 {s}초 안에 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>your code did not finish within {s} s</source>
        <translation type="vanished">코드가 {s}초 안에 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>out of memory: line {line} asked for {gib} GiB</source>
        <translation type="vanished">메모리 부족: {line}번째 줄이 {gib} GiB를 요청했습니다</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation type="vanished">메모리 부족</translation>
    </message>
    <message>
        <source>your code called exit()</source>
        <translation type="vanished">코드가 exit()를 호출했습니다</translation>
    </message>
    <message>
        <source>your code defines none of the gradients</source>
        <translation type="vanished">코드가 기울기를 하나도 정의하지 않습니다</translation>
    </message>
    <message>
        <source>the process running your code ended without a result</source>
        <translation type="vanished">코드를 실행하던 프로세스가 결과 없이 끝났습니다</translation>
    </message>
    <message>
        <source>the checker&apos;s process could not start</source>
        <translation type="vanished">검사기 프로세스를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>the checker failed</source>
        <translation type="vanished">검사기가 실패했습니다</translation>
    </message>
    <message>
        <source>write {good} instead of {bad}</source>
        <translation type="vanished">{bad} 대신 {good}을(를) 쓰세요</translation>
    </message>
    <message>
        <source>indent the lines consistently (the checker runs them as one block, like a loop body)</source>
        <translation type="vanished">줄의 들여쓰기를 일정하게 맞추세요 (검사기는 반복문 본문처럼 한 블록으로 실행합니다)</translation>
    </message>
    <message>
        <source>Python cannot read line {line}: check the brackets and operators there</source>
        <translation type="vanished">Python이 {line}번째 줄을 읽을 수 없습니다: 그 줄의 괄호와 연산자를 확인하세요</translation>
    </message>
    <message>
        <source>{a} is {sa} and {b} is {sb}</source>
        <translation type="vanished">{a}은(는) {sa}, {b}은(는) {sb}</translation>
    </message>
    <message>
        <source>: use {bt} {sbt}: {a} @ {bt} is {res}</source>
        <translation type="vanished">입니다. {bt} {sbt}을(를) 쓰세요: {a} @ {bt}의 결과가 {res}입니다</translation>
    </message>
    <message>
        <source>: use {at} {sat}: {at} @ {b} is {res}</source>
        <translation type="vanished">입니다. {at} {sat}을(를) 쓰세요: {at} @ {b}의 결과가 {res}입니다</translation>
    </message>
    <message>
        <source>: the order is reversed: {b} @ {a} is {res}</source>
        <translation type="vanished">입니다. 순서가 뒤바뀌었습니다: {b} @ {a}의 결과가 {res}입니다</translation>
    </message>
    <message>
        <source>{a} is {sa} and {b} is {sb}: an entry-by-entry product or sum needs equal shapes</source>
        <translation type="vanished">{a}은(는) {sa}, {b}은(는) {sb}입니다: 원소별 곱이나 합에는 같은 모양이 필요합니다</translation>
    </message>
    <message>
        <source>Line {line} was running when the time ran out: is there a loop that never ends? One epoch of backprop takes milliseconds.</source>
        <translation type="vanished">시간이 다 되었을 때 {line}번째 줄이 실행 중이었습니다: 끝나지 않는 반복문이 있나요? 역전파 한 에포크는 몇 밀리초면 끝납니다.</translation>
    </message>
    <message>
        <source>Is there a loop that never ends? One epoch of backprop takes milliseconds.</source>
        <translation type="vanished">끝나지 않는 반복문이 있나요? 역전파 한 에포크는 몇 밀리초면 끝납니다.</translation>
    </message>
    <message>
        <source>leave out exit() and sys.exit()</source>
        <translation type="vanished">exit()와 sys.exit()는 빼세요</translation>
    </message>
    <message>
        <source>the engine&apos;s tensors carry no autograd graph: write each gradient by hand, as d_&lt;name&gt; (that is the exercise)</source>
        <translation type="vanished">엔진의 텐서에는 autograd 그래프가 없습니다: 기울기를 하나하나 d_&lt;이름&gt;으로 직접 쓰세요 (그것이 이 연습입니다)</translation>
    </message>
    <message>
        <source>name your gradients like the notebook: d_loss, d_l2, d_w2, …</source>
        <translation type="vanished">기울기 이름은 노트북처럼 지으세요: d_loss, d_l2, d_w2, …</translation>
    </message>
    <message>
        <source>the checker allows {mb} MiB; the tensors of this network are tiny, so a shape here is far larger than intended</source>
        <translation type="vanished">검사기는 {mb} MiB까지 허용합니다. 이 네트워크의 텐서는 아주 작으니, 여기서 어떤 모양이 의도보다 훨씬 큽니다</translation>
    </message>
    <message>
        <source>an update must keep the parameter&apos;s shape</source>
        <translation type="vanished">업데이트는 매개변수의 모양을 유지해야 합니다</translation>
    </message>
    <message>
        <source>d_loss divides by y_pred and by 1 − y_pred; {sat} prediction(s) are saturated at exactly 0 or 1, so it divides by zero. σ&apos;(l)·d_loss simplifies to (y_pred − y)/N, which never divides</source>
        <translation type="vanished">d_loss는 y_pred와 1 − y_pred로 나눕니다. 예측값 {sat}개가 정확히 0 또는 1로 포화되어 0으로 나누게 됩니다. σ&apos;(l)·d_loss는 나눗셈이 없는 (y_pred − y)/N으로 간단해집니다</translation>
    </message>
    <message>
        <source>the loss takes log(y_pred) and log(1 − y_pred); {sat} saturated prediction(s) make that log(0) = −inf</source>
        <translation type="vanished">손실은 log(y_pred)와 log(1 − y_pred)를 계산합니다. 포화된 예측값 {sat}개 때문에 log(0) = −inf가 됩니다</translation>
    </message>
    <message>
        <source>{step} is non-finite because {up} already was</source>
        <translation type="vanished">{up}이(가) 이미 유한하지 않았기 때문에 {step}도 유한하지 않습니다</translation>
    </message>
    <message>
        <source>{step} overflowed in its update: lr·d_{step} is {ratio} times the size of {step} (healthy ≈ 0.001), so the weights grew each epoch until they overflowed; the learning rate {lr} is too large</source>
        <translation type="vanished">{step}이(가) 업데이트에서 오버플로했습니다: lr·d_{step}의 크기가 {step}의 {ratio}배여서 (건강한 값 ≈ 0.001) 가중치가 에포크마다 커지다가 오버플로했습니다. 학습률 {lr}이(가) 너무 큽니다</translation>
    </message>
    <message>
        <source>{step} became inf or nan ({count} entries) although its inputs were finite: a value overflowed or divided by zero</source>
        <translation type="vanished">입력은 유한했는데 {step}이(가) inf 또는 nan이 되었습니다 (원소 {count}개): 어떤 값이 오버플로했거나 0으로 나누었습니다</translation>
    </message>
    <message>
        <source>the squared errors overflowed: the predictions reach |y_pred| = {y}; the learning rate is too large</source>
        <translation type="vanished">오차 제곱이 오버플로했습니다: 예측값이 |y_pred| = {y}에 이릅니다. 학습률이 너무 큽니다</translation>
    </message>
    <message>
        <source>{step} overflowed: the weights are so large (max |w| = {w}) that the numbers exceed the largest float; the learning rate is too large</source>
        <translation type="vanished">{step}이(가) 오버플로했습니다: 가중치가 너무 커서 (최대 |w| = {w}) 값이 가장 큰 부동소수점 수를 넘습니다. 학습률이 너무 큽니다</translation>
    </message>
    <message>
        <source>{step} overflowed: exp of a large pre-activation exceeds the largest float</source>
        <translation type="vanished">{step}이(가) 오버플로했습니다: 큰 활성화 전 값의 exp가 가장 큰 부동소수점 수를 넘습니다</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Backprop Tutor&lt;/h2&gt;&lt;p&gt;Step an epoch (F10) or one operation at a time (F11) to see the chain rule as matrices.&lt;/p&gt;</source>
        <translation type="vanished">&lt;h2&gt;Backprop Tutor&lt;/h2&gt;&lt;p&gt;에포크 단위(F10)나 연산 하나씩(F11) 진행하며 연쇄 법칙을 행렬로 살펴보세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>the squared errors overflowed: the predictions reach |y_pred| = {y}, and (y_pred − y)² exceeds the largest floating-point number; the learning rate is too large</source>
        <translation type="vanished">오차 제곱이 오버플로했습니다: 예측값이 |y_pred| = {y}에 이르러 (y_pred − y)²이 가장 큰 부동소수점 수를 넘습니다. 학습률이 너무 큽니다</translation>
    </message>
    <message>
        <source>the L2 term (l2/2)·Σ‖w‖² overflowed: the weights are so large (max |w| = {w}) that their squares exceed the largest floating-point number; the learning rate is too large</source>
        <translation type="vanished">L2 항 (l2/2)·Σ‖w‖²이 오버플로했습니다: 가중치가 너무 커서 (최대 |w| = {w}) 그 제곱이 가장 큰 부동소수점 수를 넘습니다. 학습률이 너무 큽니다</translation>
    </message>
    <message>
        <source>{step} overflowed: the weights are so large (max |w| = {w}) that the product exceeds the largest floating-point number; the learning rate is too large</source>
        <translation type="vanished">{step}이(가) 오버플로했습니다: 가중치가 너무 커서 (최대 |w| = {w}) 행렬 곱이 가장 큰 부동소수점 수를 넘습니다. 학습률이 너무 큽니다</translation>
    </message>
    <message>
        <source>d_loss divides by y_pred and by 1 − y_pred; {sat} prediction(s) are saturated at exactly 0 or 1, so a division by zero gives inf or nan. σ&apos;(l)·d_loss simplifies to (y_pred − y)/N, which never divides</source>
        <translation type="vanished">d_loss는 y_pred와 1 − y_pred로 나눕니다. 예측값 {sat}개가 정확히 0 또는 1로 포화되어 0으로 나누게 되고, 그 결과가 inf 또는 nan입니다. σ&apos;(l)·d_loss는 (y_pred − y)/N으로 간단해지며, 이 식은 나눗셈이 없습니다</translation>
    </message>
    <message>
        <source>the loss takes log(y_pred) and log(1 − y_pred); {sat} saturated prediction(s) make that log(0) = −inf. Compute the loss from l with a stable formula (softplus), as the engine does</source>
        <translation type="vanished">손실은 log(y_pred)와 log(1 − y_pred)를 계산합니다. 포화된 예측값 {sat}개 때문에 log(0) = −inf가 됩니다. 엔진처럼 l에서 안정적인 식(softplus)으로 손실을 계산하세요</translation>
    </message>
    <message>
        <source>a value became non-finite</source>
        <translation type="vanished">어떤 값이 유한하지 않게 되었습니다</translation>
    </message>
    <message>
        <source>{step} overflowed: exp of a large pre-activation exceeds the largest floating-point number</source>
        <translation type="vanished">{step}이(가) 오버플로했습니다: 큰 활성화 전 값의 exp가 가장 큰 부동소수점 수를 넘습니다</translation>
    </message>
    <message>
        <source>start loss {loss}: not a number</source>
        <translation type="vanished">시작 손실 {loss}: 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>start loss {loss} vs chance {chance}: the initial weights make confident wrong guesses; smaller initial weights would start near chance</source>
        <translation type="vanished">시작 손실 {loss}, 무작위 추측 수준 {chance}: 초기 가중치가 자신 있게 틀린 추측을 합니다. 초기 가중치를 더 작게 하면 무작위 추측 수준 가까이에서 시작합니다</translation>
    </message>
    <message>
        <source>start loss {loss} vs chance {chance}: a sensible start</source>
        <translation type="vanished">시작 손실 {loss}, 무작위 추측 수준 {chance}: 적절한 출발입니다</translation>
    </message>
    <message>
        <source>ratio {ratio}: the weights or gradients are not finite</source>
        <translation type="vanished">비율 {ratio}: 가중치나 기울기가 유한하지 않습니다</translation>
    </message>
    <message>
        <source>ratio {ratio}: learning rate likely too small</source>
        <translation type="vanished">비율 {ratio}: 학습률이 너무 작은 것 같습니다</translation>
    </message>
    <message>
        <source>ratio {ratio}: learning rate likely too large</source>
        <translation type="vanished">비율 {ratio}: 학습률이 너무 큰 것 같습니다</translation>
    </message>
    <message>
        <source>ratio {ratio}: healthy (≈ 0.001)</source>
        <translation type="vanished">비율 {ratio}: 건강합니다 (≈ 0.001)</translation>
    </message>
    <message>
        <source>a{k}: {fraction} of {activation} outputs saturated</source>
        <translation type="vanished">a{k}: {activation} 출력의 {fraction}가 포화됨</translation>
    </message>
    <message>
        <source>{reading}: their gradients vanish</source>
        <translation type="vanished">{reading}: 이 유닛들의 기울기가 사라집니다</translation>
    </message>
    <message>
        <source>a{k}: {dead} of {units} ReLU units dead (0 for every sample)</source>
        <translation type="vanished">a{k}: ReLU 유닛 {units}개 중 {dead}개가 죽음 (모든 샘플에서 0)</translation>
    </message>
    <message>
        <source>{reading}: they no longer learn</source>
        <translation type="vanished">{reading}: 이 유닛들은 더 이상 학습하지 않습니다</translation>
    </message>
    <message>
        <source>the parameters or the loss are not finite, so the gradient cannot be checked; rewind to an epoch whose values are finite</source>
        <translation type="vanished">매개변수나 손실이 유한하지 않아 기울기를 검사할 수 없습니다. 값이 유한한 에포크로 되돌리세요</translation>
    </message>
    <message>
        <source>the engine&apos;s {g} differs from autograd&apos;s (relative error {e})</source>
        <translation type="vanished">엔진의 {g}이(가) autograd의 값과 다릅니다 (상대 오차 {e})</translation>
    </message>
    <message>
        <source>{g} is a sum of terms that nearly cancel, so float64 keeps only a few of its digits; manual and autograd add them in different orders and agree to {e}, as rounding allows</source>
        <translation type="vanished">{g}은(는) 거의 상쇄되는 항들의 합이라 float64로는 몇 자리만 정확합니다. 수동 계산과 autograd는 더하는 순서가 달라 {e}까지 일치하며, 반올림 오차로 설명되는 범위입니다</translation>
    </message>
    <message>
        <source>‖{g}‖ is so small that finite differences cannot resolve it: the rounding of the loss dominates the difference</source>
        <translation type="vanished">‖{g}‖이(가) 너무 작아 유한 차분으로 구분할 수 없습니다: 손실의 반올림 오차가 차분을 압도합니다</translation>
    </message>
    <message>
        <source>finite differences of {g} change with the step (h and 10·h): the loss curves too sharply here for them to settle it</source>
        <translation type="vanished">{g}의 유한 차분이 간격(h와 10·h)에 따라 달라집니다: 여기서는 손실이 너무 급하게 휘어 유한 차분으로 판정할 수 없습니다</translation>
    </message>
    <message>
        <source>saturated units: the derivative a·(1 − a) or 1 − a² keeps only a few correct digits near its limits, so finite differences differ by {e}</source>
        <translation type="vanished">포화된 유닛: 극한값 근처에서 도함수 a·(1 − a)나 1 − a²은 정확한 자릿수가 몇 개 남지 않아 유한 차분과 {e}만큼 차이 납니다</translation>
    </message>
    <message>
        <source>finite differences of the engine&apos;s loss disagree with {g} (relative error {e}) although manual and autograd agree ({a})</source>
        <translation type="vanished">수동 계산과 autograd는 일치하지만 ({a}) 엔진 손실의 유한 차분이 {g}와(과) 맞지 않습니다 (상대 오차 {e})</translation>
    </message>
    <message>
        <source>the engine&apos;s loss differs from the reference loss: check the forward pass</source>
        <translation type="vanished">엔진의 손실이 기준 손실과 다릅니다: 순전파를 확인하세요</translation>
    </message>
    <message>
        <source>{n} element(s) of {name} sit at a kink of ReLU, where the slope jumps; {side} were compared with one-sided differences, {none} with autograd only</source>
        <translation type="vanished">{name}의 원소 {n}개가 기울기가 갑자기 바뀌는 ReLU의 꺾인 점에 있습니다. {side}개는 한쪽 차분으로, {none}개는 autograd와만 비교했습니다</translation>
    </message>
    <message>
        <source>No operation yet. Press “Next operation” to walk through one epoch: forward, backward and update, one matrix operation at a time.</source>
        <translation type="vanished">아직 연산이 없습니다. “다음 연산”을 눌러 에포크 하나를 순전파, 역전파, 업데이트 순서로 행렬 연산 하나씩 따라가 보세요.</translation>
    </message>
    <message>
        <source>d_loss has the shape of y_pred {shape}: one derivative per prediction; the 1/{n} of the mean is in every entry</source>
        <translation type="vanished">d_loss는 y_pred와 같은 모양 {shape}입니다: 예측값마다 도함수가 하나씩이고, 평균의 1/{n}이 모든 원소에 들어 있습니다</translation>
    </message>
    <message>
        <source>d_l{k} has the shape of l{k} {shape}; softmax mixes the entries of each row, so each row of {up} is multiplied by that row&apos;s softmax Jacobian</source>
        <translation type="vanished">d_l{k}은(는) l{k}와(과) 같은 모양 {shape}입니다. softmax는 각 행의 원소를 서로 섞으므로, {up}의 각 행에 그 행의 softmax 야코비안을 곱합니다</translation>
    </message>
    <message>
        <source>d_l{k} has the shape of l{k} {shape}; the activation acts on each entry alone, so its derivative multiplies {up} entry by entry (⊙), no matmul</source>
        <translation type="vanished">d_l{k}은(는) l{k}와(과) 같은 모양 {shape}입니다. 활성화 함수는 원소 하나하나에 따로 작용하므로, 그 도함수를 {up}에 원소별로(⊙) 곱합니다. 행렬 곱이 아닙니다</translation>
    </message>
    <message>
        <source>b{k} {b} was broadcast to all {n} rows in the forward pass, so d_b{k} adds up the {n} rows of d_l{k} {dl}: Σ over the {n} samples, axis 0 → {b}</source>
        <translation type="vanished">순전파에서 b{k} {b}이(가) {n}개 행 모두에 브로드캐스트되었으므로, d_b{k}은(는) d_l{k} {dl}의 {n}개 행을 더합니다: 샘플 {n}개에 대한 Σ, 축 0 → {b}</translation>
    </message>
    <message>
        <source>d_w{k} must be {w} like w{k}; {a} is {sa} and d_l{k} is {sdl}; {a}ᵀ @ d_l{k}, {sat} @ {sdl}, is the product with that shape; it sums over the {n} samples</source>
        <translation type="vanished">d_w{k}은(는) w{k}처럼 {w}이어야 합니다. {a}은(는) {sa}, d_l{k}은(는) {sdl}입니다. 그 모양이 나오는 곱은 {a}ᵀ @ d_l{k}, 즉 {sat} @ {sdl}이며, 샘플 {n}개에 걸쳐 합합니다</translation>
    </message>
    <message>
        <source>d_a{j} must be {sa} like a{j}; {dl} is {sdl} and {w} is {sw}; {dl} @ {w}ᵀ, {sdl} @ {swt}, is the product with that shape: each sample&apos;s error flows back along the weights it came through</source>
        <translation type="vanished">d_a{j}은(는) a{j}처럼 {sa}이어야 합니다. {dl}은(는) {sdl}, {w}은(는) {sw}입니다. 그 모양이 나오는 곱은 {dl} @ {w}ᵀ, 즉 {sdl} @ {swt}입니다: 샘플마다 오차가 들어온 가중치를 따라 거꾸로 흘러갑니다</translation>
    </message>
    <message>
        <source>{a} {sa} @ {w} {sw} → {sl}; {b} {sb} is added to every one of the {n} rows</source>
        <translation type="vanished">{a} {sa} @ {w} {sw} → {sl}; {b} {sb}은(는) {n}개 행 모두에 더해집니다</translation>
    </message>
    <message>
        <source>each row is exp(l) divided by its row sum</source>
        <translation type="vanished">각 행은 exp(l)을 그 행의 합으로 나눈 값입니다</translation>
    </message>
    <message>
        <source>applied to every entry on its own</source>
        <translation type="vanished">원소 하나하나에 따로 적용됩니다</translation>
    </message>
    <message>
        <source>computed stably from {l}: mean(softplus({l}) − y·{l}), never log(0)</source>
        <translation type="vanished">{l}에서 안정적으로 계산합니다: mean(softplus({l}) − y·{l}), log(0)이 생기지 않습니다</translation>
    </message>
    <message>
        <source>computed stably from {l} with log-sum-exp, never log(0)</source>
        <translation type="vanished">{l}에서 log-sum-exp로 안정적으로 계산합니다. log(0)이 생기지 않습니다</translation>
    </message>
    <message>
        <source>the mean runs over every entry</source>
        <translation type="vanished">모든 원소에 대한 평균입니다</translation>
    </message>
    <message>
        <source>the minus sign and the 1/N come from loss = −mean(…)</source>
        <translation type="vanished">마이너스 부호와 1/N은 loss = −mean(…)에서 옵니다</translation>
    </message>
    <message>
        <source>only each sample&apos;s true class gets a non-zero entry</source>
        <translation type="vanished">각 샘플의 정답 클래스 자리만 0이 아닌 값을 가집니다</translation>
    </message>
    <message>
        <source>the softmax Jacobian times d_loss simplifies to (y_pred − Y)/{n}; the engine uses that stable form</source>
        <translation type="vanished">softmax 야코비안과 d_loss의 곱은 (y_pred − Y)/{n}(으)로 간단해집니다. 엔진은 이 안정적인 형태를 씁니다</translation>
    </message>
    <message>
        <source>{d}·d_loss simplifies to (y_pred − y)/{n}; the engine uses that stable form, which never divides by y_pred</source>
        <translation type="vanished">{d}·d_loss는 (y_pred − y)/{n}(으)로 간단해집니다. 엔진은 y_pred로 나누지 않는 이 안정적인 형태를 씁니다</translation>
    </message>
    <message>
        <source>{f}(l) = 1 where l &gt; 0, else {slope} (that is {same}, as {because})</source>
        <translation type="vanished">{f}(l) = l &gt; 0이면 1, 아니면 {slope} ({because}이므로 {same}와(과) 같습니다)</translation>
    </message>
    <message>
        <source>{f}(l) = 1 where l &gt; 0, else {slope}</source>
        <translation type="vanished">{f}(l) = l &gt; 0이면 1, 아니면 {slope}</translation>
    </message>
    <message>
        <source>momentum keeps a running sum of past gradients</source>
        <translation type="vanished">모멘텀은 지난 기울기들의 누적 합을 유지합니다</translation>
    </message>
    <message>
        <source>a step of size lr against the gradient; d_{p} has the shape of {p} {shape}</source>
        <translation type="vanished">기울기 반대 방향으로 크기 lr만큼 한 걸음. d_{p}은(는) {p}와(과) 같은 모양 {shape}입니다</translation>
    </message>
    <message>
        <source>(Y: one-hot labels)</source>
        <translation type="vanished">(Y: 원-핫 레이블)</translation>
    </message>
    <message>
        <source>Epoch {epoch} · ready: Step epoch (F10) or Next operation (F11)</source>
        <translation type="vanished">에포크 {epoch} · 준비: 에포크 진행(F10) 또는 다음 연산(F11)</translation>
    </message>
    <message>
        <source>Press Next ▶ to start walking through one epoch.</source>
        <translation type="vanished">다음 ▶을 눌러 에포크 하나를 따라가 보세요.</translation>
    </message>
    <message>
        <source>No epoch in progress</source>
        <translation type="vanished">진행 중인 에포크 없음</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <location filename="../../app/i18n.py" line="115"/>
        <source>Export...</source>
        <translation>내보내기...</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <location filename="../../engine/text (adam.title)" line="0"/>
        <source>Adam&apos;s buffers for {p}, step t = {t}: each one {shape}, the shape of {p}</source>
        <translation>{p}의 Adam 버퍼, 스텝 t = {t}: 모두 {p}의 모양 {shape}</translation>
    </message>
    <message>
        <location filename="../../engine/text (adam.m)" line="0"/>
        <source>m_{p} ← {beta1:g}·m_{p} + {one_m_beta1:g}·d_{p}: the running mean of the gradient</source>
        <translation>m_{p} ← {beta1:g}·m_{p} + {one_m_beta1:g}·d_{p}: 기울기의 이동 평균</translation>
    </message>
    <message>
        <location filename="../../engine/text (adam.v)" line="0"/>
        <source>v_{p} ← {beta2:g}·v_{p} + {one_m_beta2:g}·d_{p}²: the running mean of its square, entry by entry</source>
        <translation>v_{p} ← {beta2:g}·v_{p} + {one_m_beta2:g}·d_{p}²: 항목별 기울기 제곱의 이동 평균</translation>
    </message>
    <message>
        <location filename="../../engine/text (adam.m_hat)" line="0"/>
        <source>m_hat_{p} = m_{p} / (1 − {beta1:g}^{t}) = m_{p} / {bc1:.4g}: bias-corrected, as m started at 0</source>
        <translation>m_hat_{p} = m_{p} / (1 − {beta1:g}^{t}) = m_{p} / {bc1:.4g}: m이 0에서 시작했기 때문에 하는 편향 보정</translation>
    </message>
    <message>
        <location filename="../../engine/text (adam.v_hat)" line="0"/>
        <source>v_hat_{p} = v_{p} / (1 − {beta2:g}^{t}) = v_{p} / {bc2:.4g}: bias-corrected, as v started at 0</source>
        <translation>v_hat_{p} = v_{p} / (1 − {beta2:g}^{t}) = v_{p} / {bc2:.4g}: v가 0에서 시작했기 때문에 하는 편향 보정</translation>
    </message>
    <message>
        <location filename="../../engine/text (adam.step)" line="0"/>
        <source>Δ{p} = {lr:g}·m_hat_{p} / (√v_hat_{p} + {eps:g}): what this step subtracts from {p}; about ±lr where the gradient keeps its sign</source>
        <translation>Δ{p} = {lr:g}·m_hat_{p} / (√v_hat_{p} + {eps:g}): 이번 스텝에서 {p}에서 빼는 값. 기울기의 부호가 유지되는 곳에서는 대략 ±lr</translation>
    </message>
    <message>
        <location filename="../../engine/text (alt.right)" line="0"/>
        <source>{expr}: {left} @ {right} → {shape}, the shape of {target} ✓</source>
        <translation>{expr}: {left} @ {right} → {shape}, {target}의 모양 ✓</translation>
    </message>
    <message>
        <location filename="../../engine/text (alt.no_product)" line="0"/>
        <source>{expr}: {left} @ {right}, inner {inner_left} ≠ {inner_right}: no product</source>
        <translation>{expr}: {left} @ {right}, 안쪽 차원 {inner_left} ≠ {inner_right}: 곱할 수 없음</translation>
    </message>
    <message>
        <location filename="../../engine/text (alt.wrong_shape)" line="0"/>
        <source>{expr}: {left} @ {right} → {shape}, not {want}: not the shape of {target}</source>
        <translation>{expr}: {left} @ {right} → {shape}, {target}의 모양 {want}과(와) 다름</translation>
    </message>
    <message>
        <location filename="../../engine/text (alt.transpose)" line="0"/>
        <source>{expr}: {left} @ {right} → {shape}, the transpose of {name} {want}</source>
        <translation>{expr}: {left} @ {right} → {shape}, {name} {want}의 전치</translation>
    </message>
    <message>
        <location filename="../../engine/text (alt.square_transposed)" line="0"/>
        <source>{expr}: {left} @ {right} → {shape}, the right shape only because it is square: its numbers are {name}ᵀ, mirrored across the diagonal</source>
        <translation>{expr}: {left} @ {right} → {shape}, 정사각 행렬이라 모양만 맞음: 값은 {name}ᵀ, 즉 대각선을 기준으로 뒤집힌 값</translation>
    </message>
    <message>
        <location filename="../../engine/text (alt.wrong_values)" line="0"/>
        <source>{expr}: {left} @ {right} → {shape}, the right shape by accident, but other numbers (off by up to {diff})</source>
        <translation>{expr}: {left} @ {right} → {shape}, 우연히 모양은 맞지만 값이 다름 (최대 {diff} 차이)</translation>
    </message>
    <message>
        <location filename="../../engine/text (alt.same_values)" line="0"/>
        <source>{expr}: {left} @ {right} → {shape}, the right shape and here even the same numbers, by accident: other data would tell them apart</source>
        <translation>{expr}: {left} @ {right} → {shape}, 모양이 맞고 여기서는 값까지 우연히 같음: 다른 데이터라면 달라짐</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.local.sign)" line="0"/>
        <source>{name} has the opposite sign of what the right formula gives with your {up}: this line adds a minus. The right formula: {formula}.</source>
        <translation>{name}의 부호가 당신의 {up}에 올바른 공식을 적용한 값과 반대입니다: 이 줄이 마이너스를 더합니다. 올바른 공식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.local.mean_instead_of_sum)" line="0"/>
        <source>{name} is the mean of your {up} over the batch axis, 1/{N} of its sum: a bias gradient is the sum over the batch axis. The right formula: {formula}.</source>
        <translation>{name}은(는) 당신의 {up}을(를) 배치 축으로 평균한 값으로, 합의 1/{N}입니다: 편향의 기울기는 배치 축에 대한 합입니다. 올바른 공식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.local.mean_extra)" line="0"/>
        <source>{name} is 1/{N} of what the right formula gives with your {up}: this line divides by N = {N} (the 1/N of the mean belongs in d_loss only). The right formula: {formula}.</source>
        <translation>{name}은(는) 당신의 {up}에 올바른 공식을 적용한 값의 1/{N}입니다: 이 줄이 N = {N}으로 나눕니다(평균의 1/N은 d_loss에만 들어갑니다). 올바른 공식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.local.factor)" line="0"/>
        <source>{name} is {k} × what the right formula gives with your {up}. The right formula: {formula}.</source>
        <translation>{name}은(는) 당신의 {up}에 올바른 공식을 적용한 값의 {k}배입니다. 올바른 공식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.aliased)" line="0"/>
        <source>{name} was right when line {line} assigned it, but line {changed_line} changed the same tensor in place afterwards. Keep {name} intact: change a copy, {name}.clone().</source>
        <translation>{name}은(는) {line}번 줄에서 대입될 때는 맞았지만, 그 뒤 {changed_line}번 줄이 같은 텐서를 제자리에서 바꿨습니다. {name}은(는) 그대로 두고 복사본 {name}.clone()을 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.aliased_via)" line="0"/>
        <source>{name} was right when line {line} assigned it, but line {changed_line} changed it in place, and {via} is that same tensor ({via} = {name} copies no values). Copy it first: {via} = {name}.clone(), then change {via}.</source>
        <translation>{name}은(는) {line}번 줄에서 대입될 때는 맞았지만, {changed_line}번 줄이 그것을 제자리에서 바꿨고 {via}도 같은 텐서입니다({via} = {name} 대입은 값을 복사하지 않습니다). 먼저 복사하세요: {via} = {name}.clone(), 그다음 {via}을(를) 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.y_one_hot)" line="0"/>
        <source>y is one-hot, {shape}: it cannot index rows by class. Use labels, the class indices {labels_shape}: y_pred[range(N), labels].</source>
        <translation>y는 원-핫 {shape}이라 클래스로 행을 인덱싱할 수 없습니다. 클래스 인덱스 {labels_shape}인 labels를 쓰세요: y_pred[range(N), labels].</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.unreadable)" line="0"/>
        <source>your code&apos;s results could not be read</source>
        <translation>코드의 결과를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.unreadable.hint)" line="0"/>
        <source>the process running your code ended without handing back its tensors in the expected form (did your code end the process, e.g. os._exit, or overwrite the checker&apos;s files?)</source>
        <translation>코드를 실행한 프로세스가 텐서를 정해진 형식으로 돌려주지 않고 끝났습니다(코드가 os._exit 등으로 프로세스를 끝냈거나 검사기의 파일을 덮어썼나요?)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.parent_killed)" line="0"/>
        <source>your code ended the process that supervises it; the check was stopped</source>
        <translation>코드가 자신을 감독하는 프로세스를 끝냈습니다. 검사를 중단했습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.parent_killed.hint)" line="0"/>
        <source>the checker runs your code under a supervisor process: signalling os.getppid() ends only the check</source>
        <translation>검사기는 코드를 감독 프로세스 아래에서 실행합니다: os.getppid()에 신호를 보내면 검사만 끝납니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.memory_tree)" line="0"/>
        <source>your code and the processes it started used more than {memory_mb} MiB together</source>
        <translation>코드와 코드가 시작한 프로세스들이 합쳐서 {memory_mb} MiB보다 많은 메모리를 썼습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.memory_tree.hint)" line="0"/>
        <source>the memory limit counts every process your code starts</source>
        <translation>메모리 제한은 코드가 시작한 모든 프로세스를 합쳐서 셉니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.isolation)" line="0"/>
        <source>isolation: {means}</source>
        <translation>격리: {means}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.not_isolated)" line="0"/>
        <source>not enforced here: {means}</source>
        <translation>이 컴퓨터에서 적용하지 못한 것: {means}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.time_limit)" line="0"/>
        <source>a time limit</source>
        <translation>시간 제한</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.supervisor)" line="0"/>
        <source>a supervisor process between your code and the checker</source>
        <translation>코드와 검사기 사이의 감독 프로세스</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.memory_per_process)" line="0"/>
        <source>a memory limit for each process</source>
        <translation>프로세스마다의 메모리 제한</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.process_tree)" line="0"/>
        <source>every process your code starts ends with the check</source>
        <translation>코드가 시작한 모든 프로세스는 검사와 함께 끝남</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.memory_tree)" line="0"/>
        <source>a memory limit for all its processes together</source>
        <translation>모든 프로세스를 합친 메모리 제한</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.shm_cleanup)" line="0"/>
        <source>files it leaves in /dev/shm are removed</source>
        <translation>/dev/shm에 남긴 파일 삭제</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.pid_namespace)" line="0"/>
        <source>its own process namespace (it cannot see or signal other programs)</source>
        <translation>독립된 프로세스 네임스페이스(다른 프로그램을 보거나 신호를 보낼 수 없음)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.no_network)" line="0"/>
        <source>no network</source>
        <translation>네트워크 없음</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.read_only_files)" line="0"/>
        <source>no writes outside its temporary folder</source>
        <translation>임시 폴더 밖에는 쓰기 금지</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.means.private_tmp)" line="0"/>
        <source>a private /tmp and /dev/shm</source>
        <translation>전용 /tmp와 /dev/shm</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.timeout)" line="0"/>
        <source>your code did not finish within {s} s</source>
        <translation>코드가 {s}초 안에 끝나지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.train_timeout)" line="0"/>
        <source>training did not finish within {s} s</source>
        <translation>학습이 {s}초 안에 끝나지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.exit)" line="0"/>
        <source>your code called exit()</source>
        <translation>코드가 exit()를 호출했습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.memory)" line="0"/>
        <source>out of memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.memory_line)" line="0"/>
        <source>out of memory: line {line} asked for {gib} GiB</source>
        <translation>메모리 부족: {line}번째 줄이 {gib} GiB를 요청했습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.nothing_defined)" line="0"/>
        <source>your code defines none of {names}</source>
        <translation>코드가 {names} 중 어느 것도 정의하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.crash)" line="0"/>
        <source>the process running your code ended without a result (signal {signal})</source>
        <translation>코드를 실행하던 프로세스가 결과 없이 끝났습니다 (시그널 {signal})</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.start)" line="0"/>
        <source>the checker&apos;s process could not start</source>
        <translation>검사기 프로세스를 시작할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.internal)" line="0"/>
        <source>the checker failed</source>
        <translation>검사기가 실패했습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.param_shape)" line="0"/>
        <source>{p} became {got} in epoch {epoch}; it must stay {want}</source>
        <translation>{p}이(가) 에포크 {epoch}에서 {got}이(가) 되었습니다. {want}(으)로 유지되어야 합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.error.param_not_tensor)" line="0"/>
        <source>{p} became not a tensor in epoch {epoch}; it must stay {want}</source>
        <translation>{p}이(가) 에포크 {epoch}에서 텐서가 아니게 되었습니다. {want}(으)로 유지되어야 합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.write_instead)" line="0"/>
        <source>write {good} instead of {bad}</source>
        <translation>{bad} 대신 {good}을(를) 쓰세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.characters)" line="0"/>
        <source>{fixes}</source>
        <translation>{fixes}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.characters_T)" line="0"/>
        <source>{fixes} (Python reads w2ᵀ as a new name, w2T)</source>
        <translation>{fixes} (Python은 w2ᵀ를 새 이름 w2T로 읽습니다)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.indentation)" line="0"/>
        <source>indent the lines consistently (the checker runs them as one block, like a loop body)</source>
        <translation>줄의 들여쓰기를 일정하게 맞추세요 (검사기는 반복문 본문처럼 한 블록으로 실행합니다)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.syntax)" line="0"/>
        <source>Python cannot read line {line}: check the brackets and operators there</source>
        <translation>Python이 {line}번째 줄을 읽을 수 없습니다: 그 줄의 괄호와 연산자를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.timeout)" line="0"/>
        <source>The time ran out. One epoch of backprop takes milliseconds.</source>
        <translation>시간이 다 되었습니다. 역전파 한 에포크는 몇 밀리초면 끝납니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.timeout_line)" line="0"/>
        <source>Line {line} was running when the time ran out. One epoch of backprop takes milliseconds.</source>
        <translation>시간이 다 되었을 때 {line}번째 줄이 실행 중이었습니다. 역전파 한 에포크는 몇 밀리초면 끝납니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.timeout_loop)" line="0"/>
        <source>Line {line} was running when the time ran out, inside the loop on line {loop}: does that loop ever end? One epoch of backprop takes milliseconds.</source>
        <translation>시간이 다 되었을 때 {loop}번째 줄의 반복문 안에서 {line}번째 줄이 실행 중이었습니다: 그 반복문이 끝나기는 하나요? 역전파 한 에포크는 몇 밀리초면 끝납니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.timeout_outside)" line="0"/>
        <source>it was stopped from outside; is there a loop that never ends?</source>
        <translation>바깥에서 중단했습니다. 끝나지 않는 반복문이 있나요?</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.exit)" line="0"/>
        <source>leave out exit() and sys.exit()</source>
        <translation>exit()와 sys.exit()는 빼세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.memory)" line="0"/>
        <source>the checker allows {limit_mb} MiB; the tensors of this network are tiny (N = {N} samples), so a shape here is far larger than intended</source>
        <translation>검사기는 {limit_mb} MiB까지 허용합니다. 이 네트워크의 텐서는 아주 작으니 (샘플 N = {N}개), 여기서 어떤 모양이 의도보다 훨씬 큽니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.crash)" line="0"/>
        <source>a crash or running out of memory; the last output is in stderr</source>
        <translation>충돌했거나 메모리가 부족했습니다. 마지막 출력은 stderr에 있습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.last_activation)" line="0"/>
        <source>the last layer&apos;s activation is called y_pred here, not {name}</source>
        <translation>여기서 마지막 층의 활성화 값은 {name}이(가) 아니라 y_pred입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.not_bound)" line="0"/>
        <source>{name} is not bound: {why}</source>
        <translation>{name}은(는) 주어지지 않습니다: {why}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.not_bound.EPOCH)" line="0"/>
        <source>the checker runs your code once, as one epoch of the loop; paste the loop&apos;s body (backward pass and update), not the for loop</source>
        <translation>검사기는 코드를 반복문의 한 에포크로 한 번만 실행합니다. for 반복문이 아니라 반복문의 본문(역전파와 업데이트)을 붙여 넣으세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.not_bound.epoch)" line="0"/>
        <source>the checker runs your code once, as one epoch of the loop; leave out the log line that uses epoch</source>
        <translation>검사기는 코드를 반복문의 한 에포크로 한 번만 실행합니다. epoch를 쓰는 기록 줄은 빼세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.not_bound.CE)" line="0"/>
        <source>the loss is already computed and bound as `loss` (and mind the sign: loss = −mean(…))</source>
        <translation>손실은 이미 계산되어 `loss`로 주어집니다 (부호에 주의하세요: loss = −mean(…))</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.not_bound.device)" line="0"/>
        <source>tensors here are on the CPU; leave out .to(device)</source>
        <translation>여기서 텐서는 CPU에 있습니다. .to(device)는 빼세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.computed_later)" line="0"/>
        <source>{name} is computed later, on line {later}: compute it before line {line} (backprop goes from the loss back towards the input)</source>
        <translation>{name}은(는) 나중에 {later}번째 줄에서 계산됩니다: {line}번째 줄보다 먼저 계산하세요 (역전파는 손실에서 입력 쪽으로 거슬러 갑니다)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.did_you_mean)" line="0"/>
        <source>did you mean {close}? The names bound for you: {names}</source>
        <translation>{close}을(를) 뜻했나요? 주어진 이름: {names}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.bound_names)" line="0"/>
        <source>The names bound for you: {names}</source>
        <translation>주어진 이름: {names}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.matmul)" line="0"/>
        <source>{a} is {sa} and {b} is {sb}: a matmul needs the inner sizes to be equal, and {inner_a} ≠ {inner_b}</source>
        <translation>{a}은(는) {sa}, {b}은(는) {sb}입니다: 행렬 곱은 안쪽 크기가 같아야 하는데 {inner_a} ≠ {inner_b}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.matmul.back_through)" line="0"/>
        <source>{a} is {sa} and {b} is {sb}: to go back through {b} use {bt} {sbt}: {a} @ {bt} is {res}</source>
        <translation>{a}은(는) {sa}, {b}은(는) {sb}입니다: {b}을(를) 거슬러 가려면 {bt} {sbt}을(를) 쓰세요: {a} @ {bt}의 결과가 {res}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.matmul.transpose_right)" line="0"/>
        <source>{a} is {sa} and {b} is {sb}: use {bt} {sbt}: {a} @ {bt} is {res}</source>
        <translation>{a}은(는) {sa}, {b}은(는) {sb}입니다. {bt} {sbt}을(를) 쓰세요: {a} @ {bt}의 결과가 {res}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.matmul.transpose_left)" line="0"/>
        <source>{a} is {sa} and {b} is {sb}: use {at} {sat}: {at} @ {b} is {res}</source>
        <translation>{a}은(는) {sa}, {b}은(는) {sb}입니다. {at} {sat}을(를) 쓰세요: {at} @ {b}의 결과가 {res}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.matmul.transpose_left_samples)" line="0"/>
        <source>{a} is {sa} and {b} is {sb}: use {at} {sat}, so the product sums over the {N} samples: {at} @ {b} is {res}</source>
        <translation>{a}은(는) {sa}, {b}은(는) {sb}입니다. {at} {sat}을(를) 쓰면 곱이 샘플 {N}개에 걸쳐 더해집니다: {at} @ {b}의 결과가 {res}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.matmul.swap)" line="0"/>
        <source>{a} is {sa} and {b} is {sb}: the order is reversed: {b} @ {a} is {res}</source>
        <translation>{a}은(는) {sa}, {b}은(는) {sb}입니다. 순서가 뒤바뀌었습니다: {b} @ {a}의 결과가 {res}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.elementwise)" line="0"/>
        <source>{a} is {sa} and {b} is {sb}: an entry-by-entry product or sum needs equal shapes</source>
        <translation>{a}은(는) {sa}, {b}은(는) {sb}입니다: 원소별 곱이나 합에는 같은 모양이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.must_be_like)" line="0"/>
        <source>{hint} ({target} must be {shape} like {base})</source>
        <translation>{hint} ({target}은(는) {base}처럼 {shape}이어야 합니다)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.must_stay)" line="0"/>
        <source>{hint} ({target} must stay {shape})</source>
        <translation>{hint} ({target}은(는) {shape}(으)로 유지되어야 합니다)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.update_shape)" line="0"/>
        <source>{target} is {shape}</source>
        <translation>{target}은(는) {shape}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.update_shape_value)" line="0"/>
        <source>{target} is {shape} but the value is {value}</source>
        <translation>{target}은(는) {shape}인데 값은 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.update_shape_kept)" line="0"/>
        <source>{target} keeps its shape</source>
        <translation>{target}은(는) 모양을 유지합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.update_shape_kept_value)" line="0"/>
        <source>{target} keeps its shape but the value is {value}</source>
        <translation>{target}은(는) 모양을 유지하는데 값은 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.update_per_sample)" line="0"/>
        <source>{target} is {shape} but the value is {value}: per-sample values; make d_{target} the sum over the batch axis first (d_{target} = ….sum(0))</source>
        <translation>{target}은(는) {shape}인데 값은 {value}, 샘플별 값입니다: 먼저 d_{target}을(를) 배치 축의 합으로 만드세요 (d_{target} = ….sum(0))</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.param_shape)" line="0"/>
        <source>an update must keep the parameter&apos;s shape</source>
        <translation>업데이트는 매개변수의 모양을 유지해야 합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.autograd)" line="0"/>
        <source>the engine&apos;s tensors carry no autograd graph: write each gradient by hand, as d_&lt;name&gt; (that is the exercise)</source>
        <translation>엔진의 텐서에는 autograd 그래프가 없습니다: 기울기를 하나하나 d_&lt;이름&gt;으로 직접 쓰세요 (그것이 이 연습입니다)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.raised)" line="0"/>
        <source>line {line} raised {type}</source>
        <translation>{line}번째 줄에서 {type}이(가) 발생했습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.hint.nothing_defined)" line="0"/>
        <source>name your gradients like the notebook: d_loss, d_l2, d_w2, …</source>
        <translation>기울기 이름은 노트북처럼 지으세요: d_loss, d_l2, d_w2, …</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.train.overflow)" line="0"/>
        <source>{step} became inf or nan ({count} entries) although {up} was finite: a value overflowed or divided by zero</source>
        <translation>{up}은(는) 유한했는데 {step}이(가) inf 또는 nan이 되었습니다 (원소 {count}개): 어떤 값이 오버플로했거나 0으로 나누었습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.train.overflow_inputs)" line="0"/>
        <source>{step} became inf or nan ({count} entries) although its inputs were finite: a value overflowed or divided by zero</source>
        <translation>입력은 유한했는데 {step}이(가) inf 또는 nan이 되었습니다 (원소 {count}개): 어떤 값이 오버플로했거나 0으로 나누었습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.shapes.title)" line="0"/>
        <source>shapes under your code (each tensor your code computed, under its name or operator):</source>
        <translation>코드 아래의 모양 (코드가 계산한 각 텐서를 그 이름이나 연산자 아래에):</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.linear)" line="0"/>
        <source>{l} = {a} @ {w} + {b}</source>
        <translation>{l} = {a} @ {w} + {b}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.linear.note)" line="0"/>
        <source>{a} {a_shape} @ {w} {w_shape} → {l_shape}; {b} {b_shape} is added to every one of the {n} rows</source>
        <translation>{a} {a_shape} @ {w} {w_shape} → {l_shape}; {b} {b_shape}은(는) {n}개 행 모두에 더해집니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.activation)" line="0"/>
        <source>{a} = {f}({l})</source>
        <translation>{a} = {f}({l})</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.activation.note)" line="0"/>
        <source>applied to every entry on its own</source>
        <translation>원소 하나하나에 따로 적용됩니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.softmax)" line="0"/>
        <source>{a} = softmax({l})</source>
        <translation>{a} = softmax({l})</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.softmax.note)" line="0"/>
        <source>each row is exp(l) divided by its row sum</source>
        <translation>각 행은 exp(l)을 그 행의 합으로 나눈 값입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.loss.bce)" line="0"/>
        <source>loss = −mean(y·log(y_pred) + (1−y)·log(1−y_pred)){penalty}</source>
        <translation>loss = −mean(y·log(y_pred) + (1−y)·log(1−y_pred)){penalty}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.loss.bce.note)" line="0"/>
        <source>computed stably from {l}: mean(softplus({l}) − y·{l}), never log(0)</source>
        <translation>{l}에서 안정적으로 계산합니다: mean(softplus({l}) − y·{l}), log(0)이 생기지 않습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.loss.softmax_ce)" line="0"/>
        <source>loss = −mean(log(y_pred[n, y[n]])){penalty}</source>
        <translation>loss = −mean(log(y_pred[n, y[n]])){penalty}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.loss.softmax_ce.note)" line="0"/>
        <source>computed stably from {l} with log-sum-exp, never log(0)</source>
        <translation>{l}에서 log-sum-exp로 안정적으로 계산합니다. log(0)이 생기지 않습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.loss.mse)" line="0"/>
        <source>loss = mean((y_pred − y)²){penalty}</source>
        <translation>loss = mean((y_pred − y)²){penalty}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.loss.mse.note)" line="0"/>
        <source>the mean runs over every entry</source>
        <translation>모든 원소에 대한 평균입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_loss.bce)" line="0"/>
        <source>d_loss = −(y/y_pred − (1−y)/(1−y_pred)) / {n}</source>
        <translation>d_loss = −(y/y_pred − (1−y)/(1−y_pred)) / {n}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_loss.bce.why)" line="0"/>
        <location filename="../../engine/text (step.d_loss.softmax_ce.why)" line="0"/>
        <location filename="../../engine/text (step.d_loss.mse.why)" line="0"/>
        <source>d_loss has the shape of y_pred {shape}: one derivative per prediction; the 1/{n} of the mean is in every entry</source>
        <translation>d_loss는 y_pred와 같은 모양 {shape}입니다: 예측값마다 도함수가 하나씩이고, 평균의 1/{n}이 모든 원소에 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_loss.bce.note)" line="0"/>
        <source>the minus sign and the 1/N come from loss = −mean(…)</source>
        <translation>마이너스 부호와 1/N은 loss = −mean(…)에서 옵니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_loss.softmax_ce)" line="0"/>
        <source>d_loss = −(Y / y_pred) / {n}</source>
        <translation>d_loss = −(Y / y_pred) / {n}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_loss.softmax_ce.remark)" line="0"/>
        <source>(Y: one-hot labels)</source>
        <translation>(Y: 원-핫 레이블)</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_loss.softmax_ce.note)" line="0"/>
        <source>only each sample&apos;s true class gets a non-zero entry</source>
        <translation>각 샘플의 정답 클래스 자리만 0이 아닌 값을 가집니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_loss.mse)" line="0"/>
        <source>d_loss = 2·(y_pred − y) / {count}</source>
        <translation>d_loss = 2·(y_pred − y) / {count}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.output_delta.bce)" line="0"/>
        <source>{d_l} = {f}&apos;({l}) ⊙ d_loss</source>
        <translation>{d_l} = {f}&apos;({l}) ⊙ d_loss</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.output_delta.bce.why)" line="0"/>
        <location filename="../../engine/text (step.act_grad.why)" line="0"/>
        <source>{d_l} has the shape of {l} {shape}; the activation acts on each entry alone, so its derivative multiplies {up} entry by entry (⊙), no matmul</source>
        <translation>{d_l}은(는) {l}와(과) 같은 모양 {shape}입니다. 활성화 함수는 원소 하나하나에 따로 작용하므로, 그 도함수를 {up}에 원소별로(⊙) 곱합니다. 행렬 곱이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.output_delta.bce.note)" line="0"/>
        <source>{f}&apos;({l})·d_loss simplifies to (y_pred − y)/{n}; the engine uses that stable form, which never divides by y_pred</source>
        <translation>{f}&apos;({l})·d_loss는 (y_pred − y)/{n}(으)로 간단해집니다. 엔진은 y_pred로 나누지 않는 이 안정적인 형태를 씁니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.output_delta.softmax_ce)" line="0"/>
        <source>{d_l} = y_pred ⊙ (d_loss − Σⱼ y_pred⊙d_loss)</source>
        <translation>{d_l} = y_pred ⊙ (d_loss − Σⱼ y_pred⊙d_loss)</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.output_delta.softmax_ce.why)" line="0"/>
        <source>{d_l} has the shape of {l} {shape}; softmax mixes the entries of each row, so each row of {up} is multiplied by that row&apos;s softmax Jacobian</source>
        <translation>{d_l}은(는) {l}와(과) 같은 모양 {shape}입니다. softmax는 각 행의 원소를 서로 섞으므로, {up}의 각 행에 그 행의 softmax 야코비안을 곱합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.output_delta.softmax_ce.note)" line="0"/>
        <source>the softmax Jacobian times d_loss simplifies to (y_pred − Y)/{n}; the engine uses that stable form</source>
        <translation>softmax 야코비안과 d_loss의 곱은 (y_pred − Y)/{n}(으)로 간단해집니다. 엔진은 이 안정적인 형태를 씁니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.act_grad)" line="0"/>
        <source>{d_l} = {f}&apos;({l}) ⊙ {up}</source>
        <translation>{d_l} = {f}&apos;({l}) ⊙ {up}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.act_grad.note)" line="0"/>
        <source>{derivative}</source>
        <translation>{derivative}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_b)" line="0"/>
        <source>{d_b} = Σₙ {d_l}[n, :]</source>
        <translation>{d_b} = Σₙ {d_l}[n, :]</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_b.remark)" line="0"/>
        <source>(sum over axis 0)</source>
        <translation>(축 0에 대한 합)</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_b.why)" line="0"/>
        <source>{b} {b_shape} was broadcast to all {n} rows in the forward pass, so {d_b} adds up the {n} rows of {d_l} {d_l_shape}: Σ over the {n} samples, axis 0 → {b_shape}</source>
        <translation>순전파에서 {b} {b_shape}이(가) {n}개 행 모두에 브로드캐스트되었으므로, {d_b}은(는) {d_l} {d_l_shape}의 {n}개 행을 더합니다: 샘플 {n}개에 대한 Σ, 축 0 → {b_shape}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_w)" line="0"/>
        <source>{d_w} = {a}ᵀ @ {d_l}{penalty}</source>
        <translation>{d_w} = {a}ᵀ @ {d_l}{penalty}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_w.why)" line="0"/>
        <source>{d_w} must be {w_shape} like {w}; {a} is {a_shape} and {d_l} is {d_l_shape}; {a}ᵀ @ {d_l}, {a_t_shape} @ {d_l_shape}, is the product with that shape; it sums over the {n} samples</source>
        <translation>{d_w}은(는) {w}처럼 {w_shape}이어야 합니다. {a}은(는) {a_shape}, {d_l}은(는) {d_l_shape}입니다. 그 모양이 나오는 곱은 {a}ᵀ @ {d_l}, 즉 {a_t_shape} @ {d_l_shape}이며, 샘플 {n}개에 걸쳐 합합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_a)" line="0"/>
        <source>{d_a} = {d_l} @ {w}ᵀ</source>
        <translation>{d_a} = {d_l} @ {w}ᵀ</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.d_a.why)" line="0"/>
        <source>{d_a} must be {a_shape} like {a}; {d_l} is {d_l_shape} and {w} is {w_shape}; {d_l} @ {w}ᵀ, {d_l_shape} @ {w_t_shape}, is the product with that shape: each sample&apos;s error flows back along the weights it came through</source>
        <translation>{d_a}은(는) {a}처럼 {a_shape}이어야 합니다. {d_l}은(는) {d_l_shape}, {w}은(는) {w_shape}입니다. 그 모양이 나오는 곱은 {d_l} @ {w}ᵀ, 즉 {d_l_shape} @ {w_t_shape}입니다: 샘플마다 오차가 들어온 가중치를 따라 거꾸로 흘러갑니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.sgd)" line="0"/>
        <location filename="../../engine/text (step.update.fused)" line="0"/>
        <source>{p} ← {p} − lr·d_{p}</source>
        <translation>{p} ← {p} − lr·d_{p}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.sgd.remark)" line="0"/>
        <location filename="../../engine/text (step.update.fused.remark)" line="0"/>
        <location filename="../../engine/text (step.update.momentum.remark)" line="0"/>
        <source>(lr = {lr:g})</source>
        <translation>(lr = {lr:g})</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.sgd.note)" line="0"/>
        <source>a step of size lr against the gradient; d_{p} has the shape of {p} {shape}</source>
        <translation>기울기 반대 방향으로 크기 lr만큼 한 걸음. d_{p}은(는) {p}와(과) 같은 모양 {shape}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.fused.note)" line="0"/>
        <source>a step of size lr against the gradient; d_{p} has the shape of {p} {shape}; done as one fused {p}.addmm_({a}ᵀ, {d_l}, alpha=−lr)</source>
        <translation>기울기 반대 방향으로 크기 lr만큼 한 걸음. d_{p}은(는) {p}와(과) 같은 모양 {shape}입니다. 융합된 연산 하나 {p}.addmm_({a}ᵀ, {d_l}, alpha=−lr)로 계산합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.momentum)" line="0"/>
        <source>v_{p} ← {m:g}·v_{p} + d_{p};  {p} ← {p} − lr·v_{p}</source>
        <translation>v_{p} ← {m:g}·v_{p} + d_{p};  {p} ← {p} − lr·v_{p}</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.momentum.note)" line="0"/>
        <source>momentum keeps a running sum of past gradients</source>
        <translation>모멘텀은 지난 기울기들의 누적 합을 유지합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.adam)" line="0"/>
        <source>{p} ← {p} − lr·m_hat_{p} / (√v_hat_{p} + ε)</source>
        <translation>{p} ← {p} − lr·m_hat_{p} / (√v_hat_{p} + ε)</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.adam.remark)" line="0"/>
        <source>(Adam, lr = {lr:g})</source>
        <translation>(Adam, lr = {lr:g})</translation>
    </message>
    <message>
        <location filename="../../engine/text (step.update.adam.note)" line="0"/>
        <source>Adam keeps two running averages per entry, m of the gradient and v of its square, and moves each entry of {p} {shape} by about lr in the direction of −m: a step size of its own for every entry</source>
        <translation>Adam은 항목마다 두 가지 이동 평균, 기울기의 m과 기울기 제곱의 v를 기억하고, {p} {shape}의 각 항목을 −m 방향으로 대략 lr만큼 옮깁니다: 항목마다 자기만의 스텝 크기</translation>
    </message>
    <message>
        <location filename="../../engine/text (derivative.sigmoid)" line="0"/>
        <source>σ&apos;(l) = σ(l)·(1 − σ(l)) = a·(1 − a)</source>
        <translation>σ&apos;(l) = σ(l)·(1 − σ(l)) = a·(1 − a)</translation>
    </message>
    <message>
        <location filename="../../engine/text (derivative.tanh)" line="0"/>
        <source>tanh&apos;(l) = 1 − tanh(l)² = 1 − a²</source>
        <translation>tanh&apos;(l) = 1 − tanh(l)² = 1 − a²</translation>
    </message>
    <message>
        <location filename="../../engine/text (derivative.relu)" line="0"/>
        <source>ReLU&apos;(l) = 1 where l &gt; 0, else 0 (that is sign(a), as a = max(l, 0))</source>
        <translation>ReLU&apos;(l) = l &gt; 0이면 1, 아니면 0 (a = max(l, 0)이므로 sign(a)와 같습니다)</translation>
    </message>
    <message>
        <location filename="../../engine/text (derivative.leaky_relu)" line="0"/>
        <source>LReLU&apos;(l) = 1 where l &gt; 0, else {slope}</source>
        <translation>LReLU&apos;(l) = l &gt; 0이면 1, 아니면 {slope}</translation>
    </message>
    <message>
        <location filename="../../engine/text (derivative.linear)" line="0"/>
        <source>id&apos;(l) = 1</source>
        <translation>id&apos;(l) = 1</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.summary)" line="0"/>
        <source>diverged in epoch {epoch} at {step} ({phase}): {reason}</source>
        <translation>{epoch}번째 에포크의 {step} ({phase})에서 발산했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.weights_exploding)" line="0"/>
        <source>{step} overflowed in its update: lr·d_{step} is {ratio} times the size of {step} (healthy ≈ {healthy}), so the weights grew each epoch until they overflowed; the learning rate {lr} is too large</source>
        <translation>{step}이(가) 업데이트에서 오버플로했습니다: lr·d_{step}이(가) {step} 크기의 {ratio}배입니다(건강한 값 ≈ {healthy}). 그래서 가중치가 에포크마다 커지다가 오버플로했습니다. 학습률 {lr}이(가) 너무 큽니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.l2_overflow)" line="0"/>
        <source>the L2 term (l2/2)·Σ‖w‖² overflowed: the weights are so large (max |w| = {max_w}) that their squares exceed the largest {dtype} number; {cause}</source>
        <translation>L2 항 (l2/2)·Σ‖w‖²이(가) 오버플로했습니다: 가중치가 너무 커서(최대 |w| = {max_w}) 그 제곱이 {dtype}의 가장 큰 수를 넘습니다. {cause}</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.mse_overflow)" line="0"/>
        <source>the squared errors overflowed: the predictions reach |y_pred| = {max_y}, and (y_pred − y)² exceeds the largest {dtype} number; {cause}</source>
        <translation>제곱 오차가 오버플로했습니다: 예측이 |y_pred| = {max_y}에 이르러 (y_pred − y)²이(가) {dtype}의 가장 큰 수를 넘습니다. {cause}</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.linear_overflow)" line="0"/>
        <source>{step} overflowed: the weights are so large (max |w| = {max_w}) that the product exceeds the largest {dtype} number; {cause}</source>
        <translation>{step}이(가) 오버플로했습니다: 가중치가 너무 커서(최대 |w| = {max_w}) 곱이 {dtype}의 가장 큰 수를 넘습니다. {cause}</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.propagated)" line="0"/>
        <source>{step} is non-finite because {operand} already was</source>
        <translation>{operand}이(가) 이미 유한하지 않아서 {step}도 유한하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.div_zero)" line="0"/>
        <source>d_loss divides by y_pred and by 1 − y_pred; {saturated} prediction(s) are saturated at exactly 0 or 1, so a division by zero gives inf or nan. σ&apos;(l)·d_loss simplifies to (y_pred − y)/N, which never divides</source>
        <translation>d_loss는 y_pred와 1 − y_pred로 나눕니다. 예측 {saturated}개가 정확히 0 또는 1로 포화되어 0으로 나누기가 inf나 nan을 만듭니다. σ&apos;(l)·d_loss는 (y_pred − y)/N으로 간단해지며, 이 식은 나누지 않습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.log_zero)" line="0"/>
        <source>the loss takes log(y_pred) and log(1 − y_pred); {saturated} saturated prediction(s) make that log(0) = −inf. Compute the loss from l with a stable formula (softplus), as the engine does</source>
        <translation>손실은 log(y_pred)와 log(1 − y_pred)를 계산합니다. 포화된 예측 {saturated}개 때문에 log(0) = −inf가 됩니다. 엔진처럼 l에서 안정적인 식(softplus)으로 손실을 계산하세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.exp_overflow)" line="0"/>
        <source>{step} overflowed: exp of a large pre-activation exceeds the largest {dtype} number</source>
        <translation>{step}이(가) 오버플로했습니다: 큰 사전 활성값의 exp가 {dtype}의 가장 큰 수를 넘습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (diverge.unknown)" line="0"/>
        <source>a value became non-finite</source>
        <translation>어떤 값이 유한하지 않게 되었습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (cause.lr)" line="0"/>
        <source>the learning rate {lr} is too large</source>
        <translation>학습률 {lr}이(가) 너무 큽니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (cause.start)" line="0"/>
        <source>these are the weights training started from (epoch {epoch} is the first with them), not grown by it: start from smaller weights (re-initialise, or edit them)</source>
        <translation>이것은 학습을 시작한 가중치이며 학습으로 커진 것이 아닙니다({epoch}번째 에포크가 이 가중치로 시작한 첫 에포크입니다). 더 작은 가중치로 시작하세요(다시 초기화하거나 직접 고치세요)</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.start_loss.nan)" line="0"/>
        <source>start loss {loss}: not a number</source>
        <translation>시작 손실 {loss}: 수가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.start_loss.high)" line="0"/>
        <source>start loss {loss} vs chance {chance}: the initial weights make confident wrong guesses; smaller initial weights would start near chance</source>
        <translation>시작 손실 {loss}, 무작위 추측 {chance}: 초기 가중치가 자신 있게 틀린 추측을 합니다. 초기 가중치가 더 작으면 무작위 추측 근처에서 시작합니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.start_loss.ok)" line="0"/>
        <source>start loss {loss} vs chance {chance}: a sensible start</source>
        <translation>시작 손실 {loss}, 무작위 추측 {chance}: 적절한 시작입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.ratio.nan)" line="0"/>
        <source>{w}: ratio {ratio}: the weights or gradients are not finite</source>
        <translation>{w}: 비율 {ratio}: 가중치나 기울기가 유한하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.ratio.small)" line="0"/>
        <source>{w}: ratio {ratio}: learning rate likely too small</source>
        <translation>{w}: 비율 {ratio}: 학습률이 너무 작은 것 같습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.ratio.saturated)" line="0"/>
        <source>{w}: ratio {ratio}: not a small learning rate: {a} is {fraction} saturated, so the gradients through it vanish; too large steps (lr {lr}) or too large starting weights push units there. Re-initialise, with a smaller learning rate if it was large</source>
        <translation>{w}: 비율 {ratio}: 학습률이 작아서가 아닙니다. {a}의 {fraction}이(가) 포화되어 그쪽으로 흐르는 기울기가 사라집니다. 너무 큰 스텝(lr {lr})이나 너무 큰 시작 가중치가 유닛을 그곳으로 밀어냅니다. 다시 초기화하고, 학습률이 컸다면 더 작게 하세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.ratio.dead)" line="0"/>
        <source>{w}: ratio {ratio}: not a small learning rate: {dead} of {units} ReLU units of {a} are dead, so no gradient flows through them; too large steps (lr {lr}) or too large starting weights kill units. Re-initialise, with a smaller learning rate if it was large</source>
        <translation>{w}: 비율 {ratio}: 학습률이 작아서가 아닙니다. {a}의 ReLU 유닛 {units}개 중 {dead}개가 죽어서 기울기가 흐르지 않습니다. 너무 큰 스텝(lr {lr})이나 너무 큰 시작 가중치가 유닛을 죽입니다. 다시 초기화하고, 학습률이 컸다면 더 작게 하세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.ratio.large)" line="0"/>
        <source>{w}: ratio {ratio}: learning rate likely too large</source>
        <translation>{w}: 비율 {ratio}: 학습률이 너무 큰 것 같습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.ratio.ok)" line="0"/>
        <source>{w}: ratio {ratio}: healthy (≈ {healthy})</source>
        <translation>{w}: 비율 {ratio}: 건강합니다(≈ {healthy})</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.saturated)" line="0"/>
        <source>{a}: {fraction} of {activation} outputs saturated</source>
        <translation>{a}: {activation} 출력의 {fraction}이(가) 포화됨</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.saturated.vanish)" line="0"/>
        <source>{a}: {fraction} of {activation} outputs saturated: their gradients vanish</source>
        <translation>{a}: {activation} 출력의 {fraction}이(가) 포화됨: 기울기가 사라집니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.dead)" line="0"/>
        <source>{a}: {dead} of {units} ReLU units dead (0 for every sample)</source>
        <translation>{a}: ReLU 유닛 {units}개 중 {dead}개가 죽음(모든 샘플에서 0)</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.dead.stuck)" line="0"/>
        <source>{a}: {dead} of {units} ReLU units dead (0 for every sample): they no longer learn</source>
        <translation>{a}: ReLU 유닛 {units}개 중 {dead}개가 죽음(모든 샘플에서 0): 더 이상 학습하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.test.ok)" line="0"/>
        <source>test loss {test} on the {n} held-out points, training loss {train}: no sign of overfitting</source>
        <translation>떼어 둔 점 {n}개의 테스트 손실 {test}, 학습 손실 {train}: 과적합의 징후가 없습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (health.test.overfit)" line="0"/>
        <source>the test loss rose from {best} (epoch {epoch}) to {test} while the training loss fell from {train_then} to {train}: the network is learning its {n_train} training points rather than the pattern (overfitting). Stop near epoch {epoch}, or use more points or fewer units</source>
        <translation>학습 손실이 {train_then}에서 {train}(으)로 내려가는 동안 테스트 손실은 {best}({epoch}번째 에포크)에서 {test}(으)로 올랐습니다: 네트워크가 패턴이 아니라 학습용 점 {n_train}개 자체를 외우고 있습니다(과적합). {epoch}번째 에포크 근처에서 멈추거나, 점을 늘리거나 유닛을 줄이세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.formula)" line="0"/>
        <source>{formula}   {remark}</source>
        <translation>{formula}   {remark}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.not_a_tensor)" line="0"/>
        <source>{name} is a {type}, not a tensor.</source>
        <translation>{name}은(는) 텐서가 아니라 {type}입니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.follows)" line="0"/>
        <source>This line is right for your {src}; {name} is wrong only because {src} is: fix that first.</source>
        <translation>이 줄은 내 {src}에 대해서는 맞습니다. {src}이(가) 틀렸기 때문에 {name}도 틀렸을 뿐이니, 그것부터 고치세요.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.sign)" line="0"/>
        <source>{name} has the wrong sign (factor −1): loss = −mean(…), and the minus carries into every gradient. The right formula: {formula}.</source>
        <translation>{name}의 부호가 틀렸습니다 (배율 −1): loss = −mean(…)이고, 이 마이너스가 모든 기울기로 이어집니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.mean_missing)" line="0"/>
        <source>{name} is {N} × the right value: the 1/N of the mean is missing (the loss is a mean over the N = {N} samples, so every gradient carries 1/{N}). The right formula: {formula}.</source>
        <translation>{name}은(는) 올바른 값의 {N}배입니다: 평균의 1/N이 빠졌습니다 (손실은 N = {N}개 샘플의 평균이므로 모든 기울기에 1/{N}이 붙습니다). 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.sign_mean_missing)" line="0"/>
        <source>{name} is {k} × the right value: the sign and the 1/N of the mean are missing (loss = −mean(…) = −(1/{N})·Σ…). The right formula: {formula}.</source>
        <translation>{name}은(는) 올바른 값의 {k}배입니다: 부호와 평균의 1/N이 빠졌습니다 (loss = −mean(…) = −(1/{N})·Σ…). 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.mean_extra)" line="0"/>
        <source>{name} is 1/{N} of the right value: it is divided by N = {N} once too often (the 1/N of the mean belongs in d_loss only). The right formula: {formula}.</source>
        <translation>{name}은(는) 올바른 값의 1/{N}입니다: N = {N}으로 한 번 더 나누었습니다 (평균의 1/N은 d_loss에만 들어갑니다). 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.sign_mean_extra)" line="0"/>
        <source>{name} is {k} × the right value: the wrong sign, and divided by N = {N} once too often. The right formula: {formula}.</source>
        <translation>{name}은(는) 올바른 값의 {k}배입니다: 부호가 틀렸고, N = {N}으로 한 번 더 나누었습니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.mean_instead_of_sum)" line="0"/>
        <source>{name} is the mean over the batch axis, 1/{N} of the right value; a bias gradient is the sum over the batch axis. The right formula: {formula}.</source>
        <translation>{name}은(는) 배치 축의 평균이라 올바른 값의 1/{N}입니다. 편향의 기울기는 배치 축의 합입니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.factor)" line="0"/>
        <source>{name} is {k} × the right value. The right formula: {formula}.</source>
        <translation>{name}은(는) 올바른 값의 {k}배입니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.propagated)" line="0"/>
        <source>{name} has {count} entries that are inf or nan because {up} has.</source>
        <translation>{up}에 inf 또는 nan이 있어서 {name}에도 inf 또는 nan인 원소가 {count}개 있습니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.use_simplified)" line="0"/>
        <source>{name} has {count} entries that are inf or nan because {up} has. y_pred is saturated, so d_loss divides by zero; {name} = σ&apos;({l}) ⊙ d_loss simplifies to (y_pred − y)/N, which never divides: {name} = (y_pred - y) / N.</source>
        <translation>{up}에 inf 또는 nan이 있어서 {name}에도 inf 또는 nan인 원소가 {count}개 있습니다. y_pred가 포화되어 d_loss가 0으로 나눕니다. {name} = σ&apos;({l}) ⊙ d_loss는 나눗셈이 없는 (y_pred − y)/N으로 간단해집니다: {name} = (y_pred - y) / N.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.div_zero)" line="0"/>
        <source>d_loss divides by y_pred and by 1 − y_pred; {saturated} prediction(s) are exactly 0 or 1, so it divides by zero. σ&apos;(l)·d_loss simplifies to (y_pred − y)/N, which never divides.</source>
        <translation>d_loss는 y_pred와 1 − y_pred로 나눕니다. 예측값 {saturated}개가 정확히 0 또는 1이라 0으로 나누게 됩니다. σ&apos;(l)·d_loss는 나눗셈이 없는 (y_pred − y)/N으로 간단해집니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.not_finite)" line="0"/>
        <source>{name} has {count} entries that are inf or nan. The right formula: {formula}.</source>
        <translation>{name}에 inf 또는 nan인 원소가 {count}개 있습니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.wrong)" line="0"/>
        <source>{name} does not match. The right formula: {formula}.</source>
        <translation>{name}이(가) 일치하지 않습니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.zero)" line="0"/>
        <source>{name} is all zeros. The right formula: {formula}.</source>
        <translation>{name}이(가) 모두 0입니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.act_derivative_missing)" line="0"/>
        <source>{name} equals {up}: the activation&apos;s derivative is missing: {name} = {helper}_p({l}) * {up}.</source>
        <translation>{name}이(가) {up}와(과) 같습니다: 활성화 함수의 도함수가 빠졌습니다: {name} = {helper}_p({l}) * {up}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.activation_not_derivative)" line="0"/>
        <source>{name} multiplies by the activation {helper}({l}) itself; use its derivative: {name} = {helper}_p({l}) * {up}.</source>
        <translation>{name}에 활성화 함수 {helper}({l}) 자체를 곱했습니다. 도함수를 쓰세요: {name} = {helper}_p({l}) * {up}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.transpose)" line="0"/>
        <source>{name} is the transpose of the right gradient. The right formula: {formula}.</source>
        <translation>{name}은(는) 올바른 기울기의 전치입니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.transpose_shape)" line="0"/>
        <source>{name} is {got} but {base} is {want}: this is the transpose of the right gradient. The right formula: {formula}.</source>
        <translation>{name}은(는) {got}인데 {base}은(는) {want}입니다: 올바른 기울기의 전치입니다. 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.l2_missing)" line="0"/>
        <source>{name} lacks the L2 term: the loss adds (l2/2)·Σ‖w‖², so add l2·{base} (l2 = {l2}). The right formula: {formula}.</source>
        <translation>{name}에 L2 항이 빠졌습니다: 손실에 (l2/2)·Σ‖w‖²이 더해지므로 l2·{base}을(를) 더하세요 (l2 = {l2}). 올바른 식: {formula}.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.reshape)" line="0"/>
        <source>{name} has the right values but the shape {got}; {base} is {want}, and so must {name} be.</source>
        <translation>{name}의 값은 맞지만 모양이 {got}입니다. {base}이(가) {want}이므로 {name}도 그래야 합니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.reshape_sum)" line="0"/>
        <source>{name} has the right values but the shape {got}; {base} is {want}, and so must {name} be. Sum over the batch axis only, without keepdim: {name} = {up}.sum(0).</source>
        <translation>{name}의 값은 맞지만 모양이 {got}입니다. {base}이(가) {want}이므로 {name}도 그래야 합니다. keepdim 없이 배치 축으로만 더하세요: {name} = {up}.sum(0).</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.sum_batch_axis)" line="0"/>
        <source>{name} is {got}: per-sample values, one row for each of the {N} samples; {base} is {want}, so sum over the batch axis: {name} = {up}.sum(0).</source>
        <translation>{name}은(는) {got}입니다: 샘플 {N}개마다 행이 하나씩인 샘플별 값입니다. {base}은(는) {want}이므로 배치 축으로 더하세요: {name} = {up}.sum(0).</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.shape)" line="0"/>
        <source>{name} must have the shape of {base}, {want}; yours is {got}.</source>
        <translation>{name}은(는) {base}와(과) 같은 모양 {want}이어야 하는데, 내 값은 {got}입니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.grad.shape_why)" line="0"/>
        <source>{name} must have the shape of {base}, {want}; yours is {got}. {why}</source>
        <translation>{name}은(는) {base}와(과) 같은 모양 {want}이어야 하는데, 내 값은 {got}입니다. {why}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.not_a_tensor)" line="0"/>
        <source>{p} is now a {type}, not a tensor.</source>
        <translation>{p}이(가) 이제 텐서가 아니라 {type}입니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.shape)" line="0"/>
        <source>{p} changed shape from {want} to {got}; an update must keep the shape.</source>
        <translation>{p}의 모양이 {want}에서 {got}(으)로 바뀌었습니다. 업데이트는 모양을 유지해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.sum_batch_axis)" line="0"/>
        <source>{p} changed shape from {want} to {got}; an update must keep the shape. {dp} is {per_sample}, per-sample values: sum over the batch axis: {dp} = ….sum(0).</source>
        <translation>{p}의 모양이 {want}에서 {got}(으)로 바뀌었습니다. 업데이트는 모양을 유지해야 합니다. {dp}은(는) {per_sample}, 샘플별 값입니다: 배치 축으로 더하세요: {dp} = ….sum(0).</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.follows)" line="0"/>
        <source>This update is right for your {dp}; {p} is wrong only because {dp} is.</source>
        <translation>이 업데이트는 내 {dp}에 대해서는 맞습니다. {dp}이(가) 틀렸기 때문에 {p}도 틀렸을 뿐입니다.</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.mean)" line="0"/>
        <source>This update subtracts lr × the mean of {dp} over the batch axis: a mean where the sum belongs. Once {dp} is the batch sum {shape}, subtract it itself: {p} -= lr * {dp}</source>
        <translation>이 업데이트는 lr × ({dp}의 배치 축 평균)을 뺍니다: 합이 들어갈 자리에 평균을 썼습니다. {dp}을(를) 배치 합 {shape}(으)로 만든 뒤 그 자체를 빼세요: {p} -= lr * {dp}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.sum)" line="0"/>
        <source>This update sums {dp} over the batch axis; better make {dp} itself the sum {shape} and write {p} -= lr * {dp}</source>
        <translation>이 업데이트는 {dp}을(를) 배치 축으로 더합니다. {dp} 자체를 합 {shape}(으)로 만들고 {p} -= lr * {dp}(으)로 쓰는 편이 좋습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.mean_of_gradient)" line="0"/>
        <source>This update subtracts lr × the mean of all {entries} entries of {dp} (torch.mean({dp}, 0) of a {shape} {dp} is one number): subtract {dp} itself: {p} -= lr * {dp}</source>
        <translation>이 업데이트는 lr × ({dp}의 원소 {entries}개 전체의 평균)을 뺍니다 ({shape}인 {dp}의 torch.mean({dp}, 0)은 숫자 하나입니다). {dp} 자체를 빼세요: {p} -= lr * {dp}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.momentum_missing)" line="0"/>
        <source>This is plain gradient descent; with momentum {m}: v_{p} = {m} * v_{p} + {dp}, then {p} -= lr * v_{p}</source>
        <translation>이것은 일반 경사 하강법입니다. 모멘텀 {m}(으)로는: v_{p} = {m} * v_{p} + {dp}, 그다음 {p} -= lr * v_{p}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.sign)" line="0"/>
        <source>{p} moved along the gradient instead of against it: {p} -= lr * {dp}</source>
        <translation>{p}이(가) 기울기의 반대 방향이 아니라 기울기 방향으로 움직였습니다: {p} -= lr * {dp}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.lr_missing)" line="0"/>
        <source>The step is {k} × the right one: multiply {dp} by lr: {p} -= lr * {dp}</source>
        <translation>걸음이 올바른 걸음의 {k}배입니다: {dp}에 lr을 곱하세요: {p} -= lr * {dp}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.factor)" line="0"/>
        <source>The step is {k} × the right one: {p} -= lr * {dp}</source>
        <translation>걸음이 올바른 걸음의 {k}배입니다: {p} -= lr * {dp}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.relative)" line="0"/>
        <source>{hint} (relative to the step your {dp} gives; {dp} itself is wrong too)</source>
        <translation>{hint} (내 {dp}이(가) 주는 걸음과 비교한 값입니다. {dp} 자체도 틀렸습니다)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.and_momentum)" line="0"/>
        <source>{hint}; and momentum {m} is missing: v_{p} = {m} * v_{p} + {dp}, then {p} -= lr * v_{p}</source>
        <translation>{hint}. 그리고 모멘텀 {m}이(가) 빠졌습니다: v_{p} = {m} * v_{p} + {dp}, 그다음 {p} -= lr * v_{p}</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.wrong)" line="0"/>
        <source>{p} does not match {formula}</source>
        <translation>{p}이(가) {formula}와(과) 일치하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.adam_missing)" line="0"/>
        <source>This is plain gradient descent; with Adam: t = t + 1 (once per epoch); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; {p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)</source>
        <translation>이것은 일반 경사 하강법입니다. Adam으로는: t = t + 1 (에포크마다 한 번); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; {p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.adam_state_missing)" line="0"/>
        <source>This is Adam&apos;s first step, from m = v = 0; the session has taken {t} steps already: start from its m_{p}, v_{p} and t: t = t + 1 (once per epoch); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; {p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)</source>
        <translation>이것은 m = v = 0에서 시작하는 Adam의 첫 걸음입니다. 세션은 이미 {t}걸음을 갔습니다: 세션의 m_{p}, v_{p}, t에서 시작하세요: t = t + 1 (에포크마다 한 번); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; {p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.adam_sign)" line="0"/>
        <source>{p} moved the wrong way: its step is −1 × Adam&apos;s: t = t + 1 (once per epoch); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; {p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)</source>
        <translation>{p}이(가) 반대 방향으로 움직였습니다. 걸음이 Adam 걸음의 −1배입니다: t = t + 1 (에포크마다 한 번); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; {p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)</translation>
    </message>
    <message>
        <location filename="../../engine/text (checker.update.adam_factor)" line="0"/>
        <source>The step is {k} × Adam&apos;s: t = t + 1 (once per epoch); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; {p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)</source>
        <translation>걸음이 Adam 걸음의 {k}배입니다: t = t + 1 (에포크마다 한 번); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; {p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.kink)" line="0"/>
        <source>{count} of {total} element(s) of {name} sit at a kink: {name} ± h (h = {h}) moves {where} across 0, where the slope jumps, so a centred difference averages two slopes</source>
        <translation>{name}의 원소 {total}개 중 {count}개가 꺾이는 점에 있습니다: {name} ± h (h = {h})가 {where}을(를) 0 너머로 옮기는데, 거기서 기울기가 갑자기 바뀌므로 중심 차분은 두 기울기의 평균이 됩니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.kink.where)" line="0"/>
        <source>{count} pre-activation(s) of l{k} ({activation})</source>
        <translation>l{k}({activation})의 사전 활성값 {count}개</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.kink.one_sided)" line="0"/>
        <source>{count} were compared with one-sided differences from the side whose slope the engine takes at 0 (ReLU&apos;(0) = 0, LReLU&apos;(0) = 0.01)</source>
        <translation>{count}개는 엔진이 0에서 쓰는 기울기 쪽의 한쪽 차분과 비교했습니다(ReLU&apos;(0) = 0, LReLU&apos;(0) = 0.01)</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.kink.autograd_only)" line="0"/>
        <source>{count} had a kink on both sides and were compared with autograd only</source>
        <translation>{count}개는 양쪽 모두 꺾이는 점이라 autograd와만 비교했습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.not_finite)" line="0"/>
        <source>the parameters or the loss are not finite, so the gradient cannot be checked; rewind to an epoch whose values are finite</source>
        <translation>매개변수나 손실이 유한하지 않아 기울기를 검사할 수 없습니다. 값이 유한한 에포크로 되감으세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.unmeasurable)" line="0"/>
        <source>{count} of {total} element(s) of {name} are so large (up to |{name}| = {value}) that {name} ± h (h = {h}) rounds back to {name} itself in float64: the finite difference is not measurable at that magnitude, so they were compared with autograd only</source>
        <translation>{name}의 원소 {total}개 중 {count}개가 너무 커서(|{name}| 최대 {value}) {name} ± h (h = {h})가 float64에서 {name} 자신으로 반올림됩니다. 이 크기에서는 유한 차분을 잴 수 없으므로 autograd와만 비교했습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.backward_wrong)" line="0"/>
        <source>the engine&apos;s {g} differs from autograd&apos;s (relative error {error}; float64 rounding allows {allows}), so the hand-written backward for {g} is wrong</source>
        <translation>엔진의 {g}이(가) autograd의 값과 다릅니다(상대 오차 {error}, float64 반올림 허용치 {allows}). 따라서 {g}의 손으로 쓴 역전파가 틀렸습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.backward_off)" line="0"/>
        <source>the engine&apos;s {g} differs from autograd&apos;s by a relative {error}, more than float64 rounding allows ({allows})</source>
        <translation>엔진의 {g}이(가) autograd의 값과 상대적으로 {error}만큼 다릅니다. float64 반올림 허용치({allows})보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.numeric_too)" line="0"/>
        <source>finite differences disagree with it too ({error})</source>
        <translation>유한 차분도 이 값과 다릅니다({error})</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.cancel)" line="0"/>
        <source>{g} is a sum of terms that nearly cancel (confident right answers, or samples pulling both ways), so float64 keeps only about {digits} of its digits; manual and autograd add them in different orders and agree to {error}, as rounding allows</source>
        <translation>{g}은(는) 거의 상쇄되는 항들의 합이라(자신 있는 정답, 또는 서로 반대로 당기는 샘플) float64가 약 {digits}자리만 유지합니다. 수동 계산과 autograd는 더하는 순서가 달라 {error}까지 일치하며, 이는 반올림이 허용하는 만큼입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.agree)" line="0"/>
        <source>manual and autograd agree ({error})</source>
        <translation>수동 계산과 autograd는 일치합니다({error})</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.too_small)" line="0"/>
        <source>‖{g}‖ = {size} is so small that finite differences cannot resolve it at h = {h}: rounding the loss (computed from terms of size about {scale}) gives about {noise} per element</source>
        <translation>‖{g}‖ = {size}은(는) 너무 작아서 h = {h}의 유한 차분으로 구별할 수 없습니다: 손실의 반올림(약 {scale} 크기의 항으로 계산됨)이 원소마다 약 {noise}입니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.too_small.recheck)" line="0"/>
        <source>‖{g}‖ = {size} is so small that finite differences cannot resolve it at h = {h}: the rounding of the loss dominates the difference (with step 10·h they agree with the manual gradient to {error})</source>
        <translation>‖{g}‖ = {size}은(는) 너무 작아서 h = {h}의 유한 차분으로 구별할 수 없습니다: 손실의 반올림이 차이를 지배합니다(스텝 10·h로는 수동 기울기와 {error}까지 일치)</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.curvature)" line="0"/>
        <source>finite differences of {g} change with the step (h and 10·h differ by {spread}, about as much as they differ from the manual gradient, {error}): the loss curves too sharply here for them to settle it</source>
        <translation>{g}의 유한 차분이 스텝에 따라 바뀝니다(h와 10·h의 차이 {spread}, 수동 기울기와의 차이 {error}와 비슷함): 여기서는 손실이 너무 급하게 휘어서 유한 차분으로 판정할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.saturated)" line="0"/>
        <source>saturated units: {where} lie within {limit} of their limits, where the derivative a·(1 − a) or 1 − a² keeps only a few correct digits (autograd computes it from a the same way), so finite differences of the exact function differ by {error}</source>
        <translation>포화된 유닛: {where}이(가) 한계에서 {limit} 이내에 있어 도함수 a·(1 − a) 또는 1 − a²이(가) 몇 자리만 정확합니다(autograd도 a에서 같은 방식으로 계산). 그래서 정확한 함수의 유한 차분이 {error}만큼 다릅니다</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.saturated.where)" line="0"/>
        <source>{count} {activation} output(s) of {a}</source>
        <translation>{a}의 {activation} 출력 {count}개</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.numeric_wrong)" line="0"/>
        <source>finite differences of the engine&apos;s loss disagree with {g} (relative error {error}, the same with step 10·h) although manual and autograd agree ({agree})</source>
        <translation>수동 계산과 autograd는 일치하지만({agree}) 엔진 손실의 유한 차분은 {g}와(과) 다릅니다(상대 오차 {error}, 스텝 10·h에서도 같음)</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.loss_differs)" line="0"/>
        <source>the engine&apos;s loss {loss} differs from the reference loss {reference}: check the forward pass</source>
        <translation>엔진의 손실 {loss}이(가) 기준 손실 {reference}와(과) 다릅니다: 순전파를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../engine/text (gradcheck.and)" line="0"/>
        <source>{first} and {second}</source>
        <translation>{first}, 그리고 {second}</translation>
    </message>
</context>
</TS>
